fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let src = ekostyr::source::SourceFile::new(path, text);
    match ekostyr::syntax::parse(&src) {
        Ok(f) => println!("{} items", f.items.len()),
        Err(d) => print!("{}", d.render(&src)),
    }
}
