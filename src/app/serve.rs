//! `ekostyr serve [RULES_DIR] [--input WB] [--port 8080] [--skrivskyddad]`: the
//! workbench. Binds the server ([`crate::serve`]), prints its address with the
//! session's token, and serves until Ctrl-C.

use super::Output;
use crate::cli::ServeArgs;
use std::io::Write as _;
use std::path::PathBuf;

/// `ekostyr serve`
pub fn serve(args: &ServeArgs) -> Output {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => return Output::error(crate::tr!("serve-cannot-start", reason = e.to_string())),
    };
    let config = crate::serve::Config {
        dir: args.dir.clone().unwrap_or_else(default_dir),
        input: args.input.clone(),
        read_only: args.read_only,
        address: args.address,
        port: args.port,
    };
    let served = runtime.block_on(async {
        let server = crate::serve::Server::bind(config).await?;
        // The one place the address is printed: the person (or test) opening the page reads it
        // here. A closed standard output does not stop the server.
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{}", crate::tr!("serve-started", url = server.url()));
        let _ = writeln!(stdout, "{}", crate::tr!("serve-stop-hint"));
        let _ = stdout.flush();
        drop(stdout);
        server
            .run(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    });
    match served {
        Ok(()) => Output::default(),
        Err(e) => Output::error(e),
    }
}

/// `rules` when there is such a folder here, else the current folder.
fn default_dir() -> PathBuf {
    let rules = PathBuf::from("rules");
    if rules.is_dir() { rules } else { PathBuf::from(".") }
}
