//! Tests of the `dateline` binary as users run it.

mod errors;
mod feeds;
mod formats;
mod golden;
mod io;
mod langs;
mod output;

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The workspace root, where `seeds/` lives.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `dateline ARGS` from the workspace root with `stdin` as input.
fn dateline(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dateline binary runs");
    // Feed stdin from another thread, so a large input cannot deadlock against
    // a child blocked on writing its output. A child that fails on its
    // arguments exits without reading stdin: the broken pipe is not a failure.
    let mut pipe = child.stdin.take().expect("piped");
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        if let Err(err) = pipe.write_all(&input) {
            assert_eq!(err.kind(), ErrorKind::BrokenPipe, "stdin takes the input: {err}");
        }
    });
    let output = child.wait_with_output().expect("dateline finishes");
    feeder.join().expect("the stdin feeder finishes");
    output
}

/// The output's lines parsed as JSON, after checking the run succeeded.
fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    assert!(
        output.status.success(),
        "dateline failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = std::str::from_utf8(&output.stdout).expect("output is UTF-8");
    stdout.lines().map(|line| serde_json::from_str(line).expect("each line is JSON")).collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
