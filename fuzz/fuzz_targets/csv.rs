#![no_main]

#[path = "../targets.rs"]
#[allow(dead_code, reason = "each target uses one function of the shared file")]
mod targets;

static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // The workbook reader turns a panic inside calamine into an error
    // (`workbook::sheets::guard`); libfuzzer-sys's hook would abort on it anyway.
    // With the default hook back, only a panic that escapes `read_partial` aborts
    // (libfuzzer-sys catches it and aborts).
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    targets::csv(data);
});
