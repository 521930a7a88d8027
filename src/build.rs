//! Links the `ekostyr` binaries as non-PIE executables.
//!
//! A PIE binary of this size (typst and its fonts) carries about 112 000 relative
//! relocations, written into 2 MB of `.data.rel.ro` at every start: some 560
//! copy-on-write page faults, most of what starting a `check` costs. Linked at a
//! fixed address they are resolved once, at link time. Only this package's binaries:
//! proc macros and build scripts stay position-independent.

fn main() {
    println!("cargo::rustc-link-arg-bins=-no-pie");
    println!("cargo::rerun-if-changed=src/build.rs");
}
