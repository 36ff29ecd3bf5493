//! The manifests stay publishable: one version for every crate and the
//! Python package, and the metadata crates.io and docs.rs need on every
//! crate that is published.
//!
//! `cargo publish --dry-run --workspace` (in `scripts/check-publish`) checks
//! that the packages build; it does not see a version written twice that
//! still agrees today, nor a README or keyword left off a new crate.

use std::path::{Path, PathBuf};

use toml::{Table, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read_toml(path: &Path) -> Table {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("reading {}: {err}", path.display()));
    text.parse().unwrap_or_else(|err| panic!("parsing {}: {err}", path.display()))
}

/// `table[key]` as a table, naming what is missing.
fn table<'a>(table: &'a Table, key: &str, what: &str) -> &'a Table {
    table.get(key).and_then(Value::as_table).unwrap_or_else(|| panic!("{what}: no [{key}]"))
}

fn root_manifest() -> Table {
    read_toml(&root().join("Cargo.toml"))
}

fn workspace_version() -> String {
    let manifest = root_manifest();
    let package = table(table(&manifest, "workspace", "Cargo.toml"), "package", "[workspace]");
    package["version"].as_str().expect("workspace.package.version is a string").to_owned()
}

/// Every workspace member's directory and manifest.
fn members() -> Vec<(PathBuf, Table)> {
    let manifest = root_manifest();
    let workspace = table(&manifest, "workspace", "Cargo.toml");
    let members = workspace["members"].as_array().expect("workspace.members is a list");
    members
        .iter()
        .map(|member| {
            let dir = root().join(member.as_str().expect("a member is a path"));
            let manifest = read_toml(&dir.join("Cargo.toml"));
            (dir, manifest)
        })
        .collect()
}

fn is_workspace_inherited(value: Option<&Value>) -> bool {
    value.and_then(Value::as_table).and_then(|t| t.get("workspace")).and_then(Value::as_bool)
        == Some(true)
}

#[test]
fn every_member_takes_the_workspace_version() {
    let members = members();
    assert!(members.len() >= 6, "the workspace lists its crates");
    for (dir, manifest) in members {
        let package = table(&manifest, "package", &dir.display().to_string());
        assert!(
            is_workspace_inherited(package.get("version")),
            "{}: write `version.workspace = true`; the version is set once, in the root Cargo.toml",
            dir.display()
        );
    }
}

#[test]
fn path_dependencies_carry_the_workspace_version() {
    // Cargo needs a version next to each path for publishing and cannot
    // inherit it there, so this is the one place it is repeated.
    let version = workspace_version();
    let manifest = root_manifest();
    let dependencies =
        table(table(&manifest, "workspace", "Cargo.toml"), "dependencies", "[workspace]");
    let mut paths = 0;
    for (name, spec) in dependencies {
        let Some(spec) = spec.as_table().filter(|s| s.contains_key("path")) else { continue };
        paths += 1;
        let given = spec.get("version").and_then(Value::as_str);
        assert_eq!(
            given,
            Some(version.as_str()),
            "workspace dependency {name}: version must be the workspace version {version}"
        );
    }
    assert!(paths >= 5, "the dateline crates are workspace dependencies");
}

#[test]
fn the_workspace_has_no_placeholder_url() {
    let manifest = root_manifest();
    let package = table(table(&manifest, "workspace", "Cargo.toml"), "package", "[workspace]");
    for key in ["repository", "homepage", "documentation"] {
        let value = package.get(key).map(Value::to_string).unwrap_or_default();
        assert!(!value.contains(".invalid"), "workspace.package.{key} is a placeholder: {value}");
    }
}

#[test]
fn the_python_package_takes_its_version_from_cargo() {
    let pyproject = read_toml(&root().join("python").join("pyproject.toml"));
    let project = table(&pyproject, "project", "python/pyproject.toml");
    assert!(
        !project.contains_key("version"),
        "pyproject.toml: let maturin take the version from Cargo"
    );
    let dynamic = project.get("dynamic").and_then(Value::as_array).expect("[project] dynamic");
    assert!(
        dynamic.iter().any(|v| v.as_str() == Some("version")),
        "pyproject.toml: dynamic = [\"version\"]"
    );
}

#[test]
fn published_crates_have_what_crates_io_and_docs_rs_need() {
    let mut published = 0;
    for (dir, manifest) in members() {
        let package = table(&manifest, "package", &dir.display().to_string());
        if package.get("publish").and_then(Value::as_bool) == Some(false) {
            continue;
        }
        published += 1;
        let name = package["name"].as_str().expect("a package name");
        for key in ["description", "readme", "documentation"] {
            let value = package.get(key).and_then(Value::as_str).unwrap_or("");
            assert!(!value.trim().is_empty(), "{name}: no {key}");
        }
        let readme = dir.join(package["readme"].as_str().expect("readme is a path"));
        assert!(readme.is_file(), "{name}: readme {} is missing", readme.display());
        for key in ["license", "edition", "rust-version"] {
            assert!(is_workspace_inherited(package.get(key)), "{name}: {key}.workspace = true");
        }
        for (key, max) in [("keywords", 5), ("categories", 5)] {
            let list = package.get(key).and_then(Value::as_array).map_or(0, Vec::len);
            assert!(
                (1..=max).contains(&list),
                "{name}: {key} has {list} items, crates.io takes 1 to {max}"
            );
        }
        // A placeholder URL would be published as if it were real.
        for key in ["repository", "homepage", "documentation"] {
            let value = package.get(key).map(Value::to_string).unwrap_or_default();
            assert!(!value.contains(".invalid"), "{name}: {key} is a placeholder: {value}");
        }
        let docs_rs = package
            .get("metadata")
            .and_then(|m| m.get("docs"))
            .and_then(|d| d.get("rs"))
            .and_then(Value::as_table);
        assert!(docs_rs.is_some(), "{name}: no [package.metadata.docs.rs]");
    }
    assert!(published >= 6, "the library crates and the CLI are published");
}
