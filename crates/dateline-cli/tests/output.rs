//! `--output FILE`: the mode of the file it makes, and what an interrupted
//! run leaves behind.

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::root;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Runs `dateline sentences --output OUT` on a line of stdin under `umask`.
fn write_under_umask(umask: &str, out: &Path) {
    let command = format!("umask {umask} && exec \"$0\" sentences --output \"$1\"");
    let mut child = Command::new("sh")
        .args(["-c", &command, env!("CARGO_BIN_EXE_dateline"), out.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"One. Two.").unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn a_new_file_gets_the_umask_mode_and_a_replaced_one_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    for (umask, expected) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        let out = dir.path().join(format!("new-{umask}.jsonl"));
        write_under_umask(umask, &out);
        assert_eq!(mode(&out), expected, "umask {umask}");
    }
    let existing = dir.path().join("existing.jsonl");
    for kept in [0o644, 0o604, 0o600] {
        fs::write(&existing, "previous\n").unwrap();
        fs::set_permissions(&existing, fs::Permissions::from_mode(kept)).unwrap();
        write_under_umask("077", &existing);
        assert_eq!(mode(&existing), kept);
        assert!(fs::read_to_string(&existing).unwrap().starts_with("{\"source\""));
    }
}

/// A run reading a stdin that never ends is killed mid-run by a real
/// signal: the hidden temporary file goes, the previous output stays, and
/// the process ends by that signal.
#[test]
fn sigint_and_sigterm_remove_the_temporary_file() {
    for signal in ["INT", "TERM"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        fs::write(&out, "previous\n").unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(["extract", "--input", "jsonl", "--reference-date", "2024-07-24", "--output"])
            .arg(&out)
            .current_dir(root())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Some input, but stdin stays open: the run is under way.
        let mut stdin = child.stdin.take().unwrap();
        for i in 0..2000 {
            writeln!(stdin, "{{\"id\": {i}, \"text\": \"China said on Monday it would.\"}}")
                .unwrap();
        }
        stdin.flush().unwrap();
        let hidden = || {
            fs::read_dir(dir.path())
                .unwrap()
                .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with('.'))
                .count()
        };
        let start = Instant::now();
        while hidden() == 0 {
            assert!(start.elapsed() < Duration::from_secs(30), "no temporary file appeared");
            std::thread::sleep(Duration::from_millis(20));
        }
        let killed = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        drop(stdin);
        let expected = if signal == "INT" { 2 } else { 15 };
        assert_eq!(status.signal(), Some(expected), "SIG{signal}: {status:?}");
        assert_eq!(hidden(), 0, "SIG{signal} left the temporary file");
        assert_eq!(fs::read_to_string(&out).unwrap(), "previous\n");
    }
}
