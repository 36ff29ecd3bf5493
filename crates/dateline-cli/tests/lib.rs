//! Tests of the `dateline` binary as users run it.

mod golden;
mod io;

use std::io::Write;
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
    child.stdin.take().expect("piped").write_all(stdin).expect("stdin takes the input");
    child.wait_with_output().expect("dateline finishes")
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
