//! Telling compressed and binary input from text by its first bytes.
//!
//! Feeds arrive as `news.jsonl.gz`, `dump.zst`, or piped from elsewhere
//! with no name at all, so compression is recognized by the magic bytes
//! that open the data, never by a file name. Formats that are recognized
//! but not read (xz, bzip2, zip) and other binary data only earn a hint in
//! the "invalid UTF-8" message.

use std::io::{self, Read};

/// A compression that input is read through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    Gzip,
    Zstd,
}

impl Compression {
    /// Its name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }
}

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];
/// Formats that are only named in a hint.
const OTHER_MAGIC: &[(&[u8], &str)] = &[
    (&[0xfd, b'7', b'z', b'X', b'Z', 0x00], "xz-compressed"),
    (b"BZh", "bzip2-compressed"),
    (b"PK\x03\x04", "a zip archive"),
];

/// `reader`'s content, decompressed when it opens with the magic bytes of
/// gzip or zstd; with the compression found.
///
/// Concatenated gzip members and zstd frames (as `cat a.gz b.gz` makes)
/// are read one after the other.
///
/// # Errors
///
/// When reading the first bytes fails, or a zstd decoder cannot start.
pub fn decompressed(mut reader: Box<dyn Read>) -> io::Result<(Box<dyn Read>, Option<Compression>)> {
    let mut head = [0u8; 4];
    let mut len = 0;
    // A pipe may deliver fewer bytes per read than asked.
    while len < head.len() {
        match reader.read(&mut head[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    let head = &head[..len];
    let compression = if head.starts_with(GZIP_MAGIC) {
        Some(Compression::Gzip)
    } else if head.starts_with(ZSTD_MAGIC) {
        Some(Compression::Zstd)
    } else {
        None
    };
    let whole: Box<dyn Read> = Box::new(io::Cursor::new(head.to_vec()).chain(reader));
    let reader: Box<dyn Read> = match compression {
        Some(Compression::Gzip) => Box::new(flate2::read::MultiGzDecoder::new(whole)),
        Some(Compression::Zstd) => Box::new(zstd::stream::read::Decoder::new(whole)?),
        None => whole,
    };
    Ok((reader, compression))
}

/// A hint to add to "invalid UTF-8" when `bytes` look like a compressed
/// file or binary data rather than text: `" (…)"`, or empty.
pub fn binary_hint(bytes: &[u8]) -> String {
    if let Some((_, what)) = OTHER_MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return format!(
            " (the input looks {what}; dateline reads plain, gzip- or zstd-compressed text: \
             decompress it first)"
        );
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return " (the input looks like binary data, not text)".to_owned();
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn read_all(bytes: Vec<u8>) -> (Vec<u8>, Option<Compression>) {
        let (mut reader, compression) = decompressed(Box::new(io::Cursor::new(bytes))).unwrap();
        let mut out = Vec::new();
        reader.read_to_end(&mut out).unwrap();
        (out, compression)
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn plain_gzip_and_zstd_read_the_same() {
        let text = b"{\"text\": \"One.\"}\n".repeat(1000);
        assert_eq!(read_all(text.clone()), (text.clone(), None));
        assert_eq!(read_all(gzip(&text)), (text.clone(), Some(Compression::Gzip)));
        let zstd = zstd::encode_all(&text[..], 1).unwrap();
        assert_eq!(read_all(zstd), (text, Some(Compression::Zstd)));
    }

    #[test]
    fn concatenated_members_and_frames_are_all_read() {
        let mut gz = gzip(b"one\n");
        gz.extend(gzip(b"two\n"));
        assert_eq!(read_all(gz).0, b"one\ntwo\n");
        let mut zst = zstd::encode_all(&b"one\n"[..], 1).unwrap();
        zst.extend(zstd::encode_all(&b"two\n"[..], 1).unwrap());
        assert_eq!(read_all(zst).0, b"one\ntwo\n");
    }

    #[test]
    fn short_inputs_are_passed_through() {
        for bytes in [&b""[..], b"a", b"\x1f", b"\x28\xb5\x2f"] {
            assert_eq!(read_all(bytes.to_vec()), (bytes.to_vec(), None));
        }
    }

    #[test]
    fn hints_name_other_compressions_and_binary_data() {
        assert!(binary_hint(b"\xfd7zXZ\x00\x00").contains("xz-compressed"));
        assert!(binary_hint(b"BZh91AY").contains("bzip2-compressed"));
        assert!(binary_hint(b"abc\x00\xff").contains("binary data"));
        assert_eq!(binary_hint(b"caf\xe9 latin-1"), "");
    }
}
