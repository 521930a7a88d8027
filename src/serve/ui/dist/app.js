// Placeholder until the workbench page's bundle is built (src/serve/ui/build.sh).
const token = new URLSearchParams(location.search).get("token") || "";
fetch("/api/files", { headers: { "X-Ekostyr-Token": token } })
  .then((r) => r.json())
  .then((files) => {
    document.getElementById("status").textContent = (files.rules || []).map((f) => f.path).join(", ");
  });
