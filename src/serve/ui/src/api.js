// Talking to `ekostyr serve`: the session token from the page's own address goes with
// every call as `X-Ekostyr-Token`; errors come back as `{ error, where? }` or `{ diagnostics }`.

const token = new URLSearchParams(location.search).get('token') || '';

/** An API call that failed: `status`, the server's JSON in `data`, its words in `message`. */
export class ApiError extends Error {
  constructor(status, data) {
    super((data && data.error) || `HTTP ${status}`);
    this.status = status;
    this.data = data || {};
  }
}

async function call(method, path, body, raw) {
  const headers = { 'X-Ekostyr-Token': token };
  let payload;
  if (raw !== undefined) {
    payload = raw;
    headers['Content-Type'] = 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: payload });
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    if (!response.ok) throw new ApiError(response.status, { error: await response.text() });
    return response;
  }
  const data = await response.json();
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const put = (path, body) => call('PUT', path, body);
export const upload = (path, bytes) => call('PUT', path, undefined, bytes);

/** Builds a query string, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  return q.toString();
}
