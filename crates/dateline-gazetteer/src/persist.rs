//! Saving and loading compiled gazetteers.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! magic      8 bytes  "DLGAZET\0"
//! version    u32      FORMAT_VERSION
//! length     u64      number of bytes after this field, checksum included
//! options    u8 accent folding (0/1), u8 default case (0 fold, 1 exact, 2 auto),
//!            u8 match kind (0 leftmost-longest, 1 all)
//! labels     u32 count, then count × str
//! entries    u32 entries, u32 names, u32 things, then the arrays of the
//!            compact store (see `store.rs`):
//!              str-arena names, (names + 1) × u32 name bounds,
//!              (entries + 1) × u32 first name of each entry,
//!              entries × u32 thing of each entry,
//!              str-arena ids, (things + 1) × u32 id bounds,
//!              things × u32 label, things × u64 prior bits (NaN: none),
//!              things × u8 case (0 fold, 1 exact, 2 auto, 3 none)
//! places     u32 ids, then ids × str (the country and admin1 ids),
//!            u32 places, then places × (u32 country, u32 admin1), indices
//!            into those ids (u32::MAX: none; place 0 is none and none),
//!            u32 n (0: every thing is in place 0, or things), then n × u32
//!            place of each thing
//! langs      u32 codes, then codes × str (language codes, bit `i` of a set
//!            is code `i`), u32 n (0: every thing applies to every
//!            language, or things), then n × u32 set of each thing (0: every
//!            language), then str: the gazetteer's language, whose forms
//!            and matcher follow (other languages' are compiled on load's
//!            first search in them)
//! forms      u32 count, (count + 1) × u32 offsets, u32 n, n × u32 candidates
//! checksum   u64      FNV-1a of every byte from the magic to here
//! matcher    u64 length + the bytes of `dateline_match::Matcher::to_bytes`
//!                     (which carries its own checksum)
//! views      u32 count, then count × (str language code, u64 length, then
//!            the view: forms as above, u64 FNV-1a of those forms' bytes,
//!            matcher as above): other languages' compiled searches (see
//!            [`Gazetteer::to_bytes_with_views`])
//! ```
//! where `str` is a u32 byte length followed by UTF-8 and `str-arena` the
//! same with a u64 length. Loading checks the magic, version, length and
//! checksum first, then every count, bound, offset and index, so a
//! truncated, corrupted or foreign file is an [`Error`], never a panic or
//! undefined behavior. ([`Gazetteer::from_embedded_bytes`] skips the
//! checksums, its own and its matchers', for bytes compiled into the
//! program, and keeps the rest, reading each search on its first use.)
//!
//! Version 2 files (before `places`) still load, their entries without
//! country or admin1, version 3 files (before `langs`) with every entry
//! applying to every language and English as their language, and version 4
//! files (before `views`) with no other language's search stored, and
//! version 5 files with matchers of `dateline_match`'s format 2 (which make
//! their lowercase first-word filter on first use): the layouts differ only
//! by those sections, and reading a gazetteer saved by an earlier release
//! costs nothing to keep.
//! Other versions are an error that says to rebuild the file.

use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use dateline_match::{MatchKind, Matcher};

use crate::entry::MAX_NAME_LEN;
use crate::gazetteer::{Gazetteer, Options, View, Views, check_uncompiled_names};
use crate::store::{NO_ID, Parts, Store, case_code, case_from_code};
use crate::{CasePolicy, Error, Lang, langs};

const MAGIC: &[u8; 8] = b"DLGAZET\0";
/// Bumped on every change to the layout above (or to the matcher's).
/// Version 2: the compact entry store (version 1 stored each entry's
/// strings in turn). Version 3: `places` (country and admin1). Version 4:
/// `langs` (the languages of each entry, and the gazetteer's). Version 5:
/// `views` (other languages' compiled searches). Version 6: the matchers
/// store their lowercase first-word filter (`dateline_match` format 3).
const FORMAT_VERSION: u32 = 6;
/// The oldest version [`Gazetteer::from_bytes`] reads.
const OLDEST_VERSION: u32 = 2;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a, continued from `hash`. (Bytewise: the fuzz harness in
/// `fuzz/src/lib.rs` recomputes it to get mutated files past the check.)
fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

fn checksum(bytes: &[u8]) -> u64 {
    fnv1a(FNV_OFFSET, bytes)
}

/// Whether reading a gazetteer verifies its checksum (see
/// [`Gazetteer::from_embedded_bytes`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Checksum {
    Verify,
    Skip,
}

fn case_option(code: u8) -> Result<Option<CasePolicy>, Error> {
    case_from_code(code).ok_or_else(|| Error::format("corrupted data: invalid case policy"))
}

/// A writer that counts and (optionally) checksums what goes through it,
/// so that a gazetteer is written in one stream: a first pass into
/// `io::sink()` only counts, for the length field in the header.
struct Out<W> {
    w: W,
    hash: Option<u64>,
    count: u64,
}

impl<W: Write> Out<W> {
    fn bytes(&mut self, b: &[u8]) -> Result<(), Error> {
        if let Some(hash) = &mut self.hash {
            *hash = fnv1a(*hash, b);
        }
        self.count += b.len() as u64;
        self.w.write_all(b).map_err(Error::io)
    }
    fn u8(&mut self, v: u8) -> Result<(), Error> {
        self.bytes(&[v])
    }
    fn u32(&mut self, v: u32) -> Result<(), Error> {
        self.bytes(&v.to_le_bytes())
    }
    fn u64(&mut self, v: u64) -> Result<(), Error> {
        self.bytes(&v.to_le_bytes())
    }
    fn len32(&mut self, n: usize) -> Result<(), Error> {
        let n = u32::try_from(n).map_err(|_| Error::build("too large to save", None))?;
        self.u32(n)
    }
    fn str(&mut self, s: &str) -> Result<(), Error> {
        self.len32(s.len())?;
        self.bytes(s.as_bytes())
    }
    fn arena(&mut self, s: &str) -> Result<(), Error> {
        self.u64(s.len() as u64)?;
        self.bytes(s.as_bytes())
    }
    /// Little-endian u32s, a block at a time.
    fn u32s(&mut self, values: &[u32]) -> Result<(), Error> {
        let mut block = [0u8; 4096];
        for chunk in values.chunks(block.len() / 4) {
            for (out, v) in block.chunks_exact_mut(4).zip(chunk) {
                out.copy_from_slice(&v.to_le_bytes());
            }
            self.bytes(&block[..chunk.len() * 4])?;
        }
        Ok(())
    }
}

/// A view's forms: their count, offsets and candidates.
fn write_forms<W: Write>(out: &mut Out<W>, view: &View) -> Result<(), Error> {
    out.len32(view.offsets.len() - 1)?;
    out.u32s(&view.offsets)?;
    out.len32(view.candidates.len())?;
    out.u32s(&view.candidates)
}

/// The length of `matcher`'s bytes.
fn matcher_len(matcher: &Matcher) -> Result<u64, Error> {
    let mut count = Count(0);
    matcher.write_to(&mut count).map_err(Error::io)?;
    Ok(count.0)
}

/// Counts the bytes written to it.
struct Count(u64);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Gazetteer {
    /// The compiled gazetteer as bytes, for [`from_bytes`](Gazetteer::from_bytes).
    ///
    /// # Errors
    ///
    /// When a count exceeds the format's 32-bit fields.
    pub fn to_bytes(&self) -> Result<Vec<u8>, Error> {
        let mut bytes = Vec::new();
        self.write_to(&mut bytes)?;
        Ok(bytes)
    }

    /// Writes the compiled gazetteer (the bytes of
    /// [`to_bytes`](Gazetteer::to_bytes)) as a stream, without holding a
    /// copy of it in memory.
    ///
    /// # Errors
    ///
    /// When writing fails, or a count exceeds the format's 32-bit fields.
    pub fn write_to<W: Write>(&self, writer: W) -> Result<(), Error> {
        self.write_with_views(writer, &[])
    }

    /// The bytes of [`to_bytes`](Gazetteer::to_bytes), with the compiled
    /// searches of `langs` stored too, so that loading the bytes with
    /// [`from_embedded_bytes`](Gazetteer::from_embedded_bytes) or
    /// [`from_bytes`](Gazetteer::from_bytes) does not compile them: reading
    /// one back takes a fraction of its compile time (the `dateline`
    /// command embeds the default gazetteer this way, with every
    /// language's). Each adds about as many bytes as the gazetteer's own
    /// search. Languages that share the gazetteer's own search (every one,
    /// when no entry is limited to some) are not stored twice.
    ///
    /// # Errors
    ///
    /// As for [`to_bytes`](Gazetteer::to_bytes).
    pub fn to_bytes_with_views(&self, langs: &[Lang]) -> Result<Vec<u8>, Error> {
        let mut bytes = Vec::new();
        self.write_with_views(&mut bytes, langs)?;
        Ok(bytes)
    }

    fn write_with_views<W: Write>(&self, writer: W, langs: &[Lang]) -> Result<(), Error> {
        let stored: Vec<Lang> = if self.entries.has_langs() {
            Lang::ALL.into_iter().filter(|&l| l != self.lang && langs.contains(&l)).collect()
        } else {
            Vec::new()
        };
        // Two passes: count, for the length field, then write.
        let mut count = Out { w: std::io::sink(), hash: None, count: 0 };
        self.write_head(&mut count, 0)?;
        let view = self.view(self.lang);
        let matcher_len = matcher_len(&view.matcher)?;
        let mut tail = Out { w: std::io::sink(), hash: None, count: 0 };
        self.write_views(&mut tail, &stored)?;
        let length = count.count - 20 + 8 + 8 + matcher_len + tail.count;
        let mut out = Out { w: writer, hash: Some(FNV_OFFSET), count: 0 };
        self.write_head(&mut out, length)?;
        let checksum = out.hash.take().expect("hashing");
        out.u64(checksum)?;
        out.u64(matcher_len)?;
        view.matcher.write_to(&mut out.w).map_err(Error::io)?;
        self.write_views(&mut out, &stored)?;
        out.w.flush().map_err(Error::io)
    }

    /// The `views` section: each language's code, length and view. Written
    /// after the gazetteer's checksum, so `out` no longer hashes.
    fn write_views<W: Write>(&self, out: &mut Out<W>, langs: &[Lang]) -> Result<(), Error> {
        out.len32(langs.len())?;
        for &lang in langs {
            let view = self.view(lang);
            let matcher_len = matcher_len(&view.matcher)?;
            let mut forms = Out { w: std::io::sink(), hash: None, count: 0 };
            write_forms(&mut forms, view)?;
            out.str(lang.code())?;
            out.u64(forms.count + 8 + 8 + matcher_len)?;
            // The forms go through a writer of their own, for their checksum.
            let mut forms = Out { w: &mut out.w, hash: Some(FNV_OFFSET), count: 0 };
            write_forms(&mut forms, view)?;
            let (checksum, written) = (forms.hash.unwrap_or_default(), forms.count);
            out.count += written;
            out.u64(checksum)?;
            out.u64(matcher_len)?;
            view.matcher.write_to(&mut out.w).map_err(Error::io)?;
            out.count += matcher_len;
        }
        Ok(())
    }

    /// Everything up to the checksum (see the layout above).
    fn write_head<W: Write>(&self, out: &mut Out<W>, length: u64) -> Result<(), Error> {
        out.bytes(MAGIC)?;
        out.u32(FORMAT_VERSION)?;
        out.u64(length)?;
        out.u8(u8::from(self.options.accent_folding))?;
        out.u8(case_code(Some(self.options.case_policy)))?;
        out.u8(match self.options.match_kind {
            MatchKind::All => 1,
            _ => 0,
        })?;
        let store = &*self.entries;
        out.len32(store.labels.len())?;
        for label in store.labels.iter() {
            out.str(label)?;
        }
        out.len32(store.len())?;
        out.len32(store.name_bounds.len() - 1)?;
        out.len32(store.things())?;
        out.arena(&store.names)?;
        out.u32s(&store.name_bounds)?;
        out.u32s(&store.entry_names)?;
        out.u32s(&store.entry_thing)?;
        out.arena(&store.ids)?;
        out.u32s(&store.id_bounds)?;
        out.u32s(&store.thing_label)?;
        for prior in &store.thing_prior {
            out.u64(prior.to_bits())?;
        }
        out.bytes(&store.thing_case)?;
        out.len32(store.place_ids.len())?;
        for id in store.place_ids.iter() {
            out.str(id)?;
        }
        out.len32(store.places.len())?;
        out.u32s(store.places.as_flattened())?;
        out.len32(store.thing_place.len())?;
        out.u32s(&store.thing_place)?;
        out.len32(Lang::ALL.len())?;
        for lang in Lang::ALL {
            out.str(lang.code())?;
        }
        out.len32(store.thing_langs.len())?;
        out.u32s(&store.thing_langs)?;
        out.str(self.lang.code())?;
        write_forms(out, self.view(self.lang))
    }

    /// Saves the compiled gazetteer to a file, for [`load`](Gazetteer::load).
    ///
    /// # Errors
    ///
    /// When the file cannot be written; the error names it.
    pub fn save<P: AsRef<Path>>(&self, path: P) -> Result<(), Error> {
        let path = path.as_ref();
        let file =
            std::fs::File::create(path).map_err(|e| Error::io(e).with_path(path).saving())?;
        self.write_to(std::io::BufWriter::with_capacity(1 << 16, file))
            .map_err(|e| e.with_path(path).saving())
    }

    /// Loads a gazetteer saved by [`save`](Gazetteer::save), without
    /// recompiling it.
    ///
    /// # Errors
    ///
    /// When the file cannot be read, or is truncated, corrupted, of a format
    /// version this build does not read, or not a saved gazetteer
    /// ([`Error::is_format`]); the error names the file. Files saved by
    /// earlier releases of this crate load, down to format version 2 (whose
    /// entries have no [`country`](crate::Entry::country) or
    /// [`admin1`](crate::Entry::admin1)); an older or newer file must be
    /// rebuilt from its sources, and the error says so.
    pub fn load<P: AsRef<Path>>(path: P) -> Result<Gazetteer, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::io(e).with_path(path))?;
        Gazetteer::from_bytes(&bytes).map_err(|e| e.with_path(path))
    }

    /// Reads a gazetteer from the bytes of [`to_bytes`](Gazetteer::to_bytes).
    ///
    /// # Errors
    ///
    /// As for [`load`](Gazetteer::load), without a path.
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, Error> {
        let (gazetteer, stored) = Gazetteer::read_bytes(bytes, Checksum::Verify)?;
        for (lang, range) in stored {
            let view =
                read_view(&bytes[range], &gazetteer.entries, gazetteer.options, Checksum::Verify)?;
            gazetteer.views.set(lang, view);
        }
        Ok(gazetteer)
    }

    /// Reads a gazetteer compiled into the program (the `include_bytes!` of
    /// a file that a build script saved with this version), as
    /// [`from_bytes`](Gazetteer::from_bytes) does but for the checksum.
    ///
    /// Every structural check still runs, so bytes that are not a valid
    /// gazetteer are still an error, never a panic. The checksum only
    /// guards files against corruption on disk and in transit, which
    /// bytes inside the executable do not meet; read byte by byte, it was
    /// a quarter of the `dateline` command's start-up.
    ///
    /// The searches stored with the bytes, the gazetteer's own language's
    /// and the others' ([`to_bytes_with_views`](Gazetteer::to_bytes_with_views)),
    /// are read when their language is first searched, not before (a
    /// program reading French never reads the English search); one that
    /// fails its checks then is compiled instead.
    ///
    /// # Errors
    ///
    /// As for [`from_bytes`](Gazetteer::from_bytes), but for a checksum
    /// mismatch.
    pub fn from_embedded_bytes(bytes: &'static [u8]) -> Result<Gazetteer, Error> {
        let (gazetteer, stored) = Gazetteer::read_bytes(bytes, Checksum::Skip)?;
        for (lang, range) in stored {
            gazetteer.views.store(lang, &bytes[range]);
        }
        Ok(gazetteer)
    }

    /// The gazetteer with its own language's search, and where the other
    /// stored searches lie in `bytes`, by language.
    fn read_bytes(
        bytes: &[u8],
        checksum_check: Checksum,
    ) -> Result<(Gazetteer, Vec<StoredView>), Error> {
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
            return Err(Error::format("not a compiled dateline gazetteer"));
        }
        let version = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
        if !(OLDEST_VERSION..=FORMAT_VERSION).contains(&version) {
            let hint = if version < OLDEST_VERSION {
                "build it again from its source files and save it with this version"
            } else {
                "load it with the newer dateline-gazetteer that saved it, or build it again \
                 from its source files and save it with this version"
            };
            return Err(Error::format(format!(
                "format version {version} is not supported (this version reads versions \
                 {OLDEST_VERSION} to {FORMAT_VERSION}): {hint}"
            )));
        }
        let length = u64::from_le_bytes(bytes[12..20].try_into().expect("8 bytes"));
        let actual = (bytes.len() - 20) as u64;
        if length != actual {
            return Err(Error::format(format!(
                "truncated or padded: expected {length} bytes after the header, found {actual}"
            )));
        }
        let mut r = Reader { bytes, pos: 20 };
        let accent_folding = match r.u8()? {
            0 => false,
            1 => true,
            _ => return Err(Error::format("corrupted data: invalid option")),
        };
        let case_policy =
            case_option(r.u8()?)?.ok_or_else(|| Error::format("corrupted data: invalid option"))?;
        let match_kind = match r.u8()? {
            0 => MatchKind::LeftmostLongest,
            1 => MatchKind::All,
            _ => return Err(Error::format("corrupted data: invalid option")),
        };
        let options = Options { accent_folding, case_policy, match_kind };
        let (store, lang) = read_store(&mut r, version)?;
        let shared = !store.has_langs();
        let own_start = r.pos;
        let own = match checksum_check {
            Checksum::Verify => {
                let forms = read_forms(&mut r, &store)?;
                let end = r.pos;
                if checksum(&bytes[..end]) != r.u64()? {
                    return Err(Error::format("checksum mismatch: the file is corrupted"));
                }
                Some(read_matcher(&mut r, forms, options, checksum_check)?)
            }
            // Bytes in the program: the gazetteer's own search is read on
            // first use, as the other stored ones are (a program working
            // in another language never reads it). Its forms, checksum
            // and matcher are laid out as a stored view's.
            Checksum::Skip => {
                skip_view(&mut r)?;
                None
            }
        };
        let own_end = r.pos;
        let mut views =
            if version >= 5 { read_view_index(&mut r, lang, shared)? } else { Vec::new() };
        if r.pos != bytes.len() {
            return Err(Error::format("corrupted data: trailing bytes"));
        }
        let views_of = Views::new(shared);
        match own {
            Some(view) => {
                if !shared {
                    check_uncompiled_names(&store, options, Some(lang))?;
                }
                views_of.set(lang, view);
            }
            None => {
                check_uncompiled_names(&store, options, None)?;
                views.push((lang, own_start..own_end));
            }
        }
        let views_of = Arc::new(views_of);
        Ok((Gazetteer { entries: Arc::new(store), options, lang, views: views_of }, views))
    }
}

/// A language's view stored in a file, as the byte range it lies in.
type StoredView = (Lang, Range<usize>);

/// A view's forms (see the layout): each form's candidates, checked
/// against the entries.
fn read_forms(r: &mut Reader<'_>, store: &Store) -> Result<(Vec<u32>, Vec<u32>), Error> {
    let forms = r.count(4)?;
    let offsets = r.u32s(forms + 1)?;
    let n = r.count(4)?;
    let mut candidates = Vec::with_capacity(n);
    for _ in 0..n {
        let c = r.u32()?;
        if c as usize >= store.len() {
            return Err(Error::format("corrupted data: candidate out of range"));
        }
        candidates.push(c);
    }
    // Offsets start at 0, never decrease, end at the candidate count,
    // and every form has at least one candidate.
    let valid = offsets.first() == Some(&0)
        && offsets.windows(2).all(|w| w[0] < w[1])
        && offsets.last().map(|&o| o as usize) == Some(candidates.len());
    if !valid {
        return Err(Error::format("corrupted data: invalid form offsets"));
    }
    Ok((offsets, candidates))
}

/// A view's matcher (u64 length and bytes), checked against its forms and
/// the gazetteer's options.
fn read_matcher(
    r: &mut Reader<'_>,
    (offsets, candidates): (Vec<u32>, Vec<u32>),
    options: Options,
    checksum_check: Checksum,
) -> Result<View, Error> {
    let matcher_len = usize::try_from(r.u64()?)
        .map_err(|_| Error::format("corrupted data: invalid matcher length"))?;
    let bytes = r.take(matcher_len)?;
    let matcher = match checksum_check {
        Checksum::Verify => Matcher::read_from(bytes),
        Checksum::Skip => Matcher::read_from_skipping_checksum(bytes),
    }
    .map_err(|e| Error::format(format!("invalid compiled matcher: {e}")))?;
    if matcher.pattern_count() != offsets.len() - 1
        || matcher.match_kind() != options.match_kind
        || matcher.normalizer().accent_folding() != options.accent_folding
    {
        return Err(Error::format("corrupted data: matcher and forms disagree"));
    }
    Ok(View { matcher, offsets, candidates })
}

/// The `views` section: where each stored language's view lies. A
/// language is stored once at most, never the gazetteer's own, and only
/// when languages have views of their own (`!shared`).
fn read_view_index(r: &mut Reader<'_>, own: Lang, shared: bool) -> Result<Vec<StoredView>, Error> {
    let n = r.count(4 + 8)?;
    let mut views: Vec<StoredView> = Vec::with_capacity(n);
    for _ in 0..n {
        let code = r.str()?;
        let lang: Lang = code
            .parse()
            .map_err(|_| Error::format(format!("corrupted data: a view of language {code:?}")))?;
        if shared || lang == own || views.iter().any(|(l, _)| *l == lang) {
            return Err(Error::format(format!("corrupted data: a needless view of {code:?}")));
        }
        let len = usize::try_from(r.u64()?).map_err(|_| truncated())?;
        let start = r.pos;
        r.take(len)?;
        views.push((lang, start..start + len));
    }
    Ok(views)
}

/// Passes over one view (forms, checksum, matcher; see the layout),
/// checking only that its lengths lie within the bytes.
fn skip_view(r: &mut Reader<'_>) -> Result<(), Error> {
    let forms = r.count(4)?;
    r.take(forms.checked_add(1).and_then(|n| n.checked_mul(4)).ok_or_else(truncated)?)?;
    let candidates = r.count(4)?;
    r.take(candidates.checked_mul(4).ok_or_else(truncated)?)?;
    r.u64()?;
    let matcher_len = usize::try_from(r.u64()?)
        .map_err(|_| Error::format("corrupted data: invalid matcher length"))?;
    r.take(matcher_len)?;
    Ok(())
}

/// One stored view (see the layout), checked as the gazetteer's own is.
pub(crate) fn read_view(
    bytes: &[u8],
    store: &Store,
    options: Options,
    checksum_check: Checksum,
) -> Result<View, Error> {
    let mut r = Reader { bytes, pos: 0 };
    let forms = read_forms(&mut r, store)?;
    let end = r.pos;
    let stored = r.u64()?;
    if checksum_check == Checksum::Verify && checksum(&bytes[..end]) != stored {
        return Err(Error::format("checksum mismatch: the file is corrupted"));
    }
    let view = read_matcher(&mut r, forms, options, checksum_check)?;
    if r.pos != bytes.len() {
        return Err(Error::format("corrupted data: trailing bytes"));
    }
    Ok(view)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self.pos.checked_add(n).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(truncated)?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }
    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    fn u64(&mut self) -> Result<u64, Error> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
    /// A count of items of at least `min_size` bytes each, checked against
    /// the bytes left so that a corrupted count cannot allocate wildly.
    fn count(&mut self, min_size: usize) -> Result<usize, Error> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size) > self.bytes.len() - self.pos {
            return Err(Error::format("truncated or corrupted data: count too large"));
        }
        Ok(n)
    }
    /// `n` u32 values.
    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, Error> {
        let bytes = self.take(n.checked_mul(4).ok_or_else(truncated)?)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect())
    }
    /// A string arena: a u64 length and UTF-8.
    fn arena(&mut self) -> Result<String, Error> {
        let n = usize::try_from(self.u64()?).map_err(|_| truncated())?;
        let bytes = self.take(n)?;
        // Arenas hold megabytes: checked sixteen bytes and more at a time,
        // the check took a sixth of the `dateline` command's start-up.
        let text = simdutf8::basic::from_utf8(bytes)
            .map_err(|_| Error::format("corrupted data: invalid UTF-8"))?;
        Ok(text.to_owned())
    }
    fn str(&mut self) -> Result<&'a str, Error> {
        let n = self.u32()? as usize;
        if n > MAX_NAME_LEN.max(1 << 16) {
            return Err(Error::format("corrupted data: string too long"));
        }
        std::str::from_utf8(self.take(n)?)
            .map_err(|_| Error::format("corrupted data: invalid UTF-8"))
    }
}

fn truncated() -> Error {
    Error::format("truncated or corrupted data")
}

/// Bounds into an arena of `len` bytes: `count + 1` values, starting at 0,
/// never decreasing (strictly increasing if `nonempty`), ending at `len`,
/// each on a char boundary of `text` (if given).
fn check_bounds(bounds: &[u32], len: usize, text: Option<&str>, nonempty: bool) -> bool {
    bounds.first() == Some(&0)
        && bounds.last().map(|&b| b as usize) == Some(len)
        && bounds.windows(2).all(|w| if nonempty { w[0] < w[1] } else { w[0] <= w[1] })
        && text.is_none_or(|t| bounds.iter().all(|&b| t.is_char_boundary(b as usize)))
}

/// Reads and checks the compact entry store of a file of format `version`,
/// and the gazetteer's language.
fn read_store(r: &mut Reader<'_>, version: u32) -> Result<(Store, Lang), Error> {
    let corrupted = || Error::format("corrupted data: invalid entry table");
    let label_count = r.count(4)?;
    let mut labels = Vec::with_capacity(label_count);
    for _ in 0..label_count {
        labels.push(r.str()?.to_owned());
    }
    let entries = r.count(12)?;
    let names = r.count(4)?;
    let things = r.count(13)?;
    let name_text = r.arena()?;
    let name_bounds = r.u32s(names + 1)?;
    let entry_names = r.u32s(entries + 1)?;
    let entry_thing = r.u32s(entries)?;
    let ids = r.arena()?;
    let id_bounds = r.u32s(things + 1)?;
    let thing_label = r.u32s(things)?;
    let mut thing_prior = Vec::with_capacity(things);
    for _ in 0..things {
        thing_prior.push(f64::from_bits(r.u64()?));
    }
    let thing_case = r.take(things)?.to_vec();
    let (place_ids, places, thing_place) = if version >= 3 {
        read_places(r, things)?
    } else {
        (Vec::new(), vec![[NO_ID, NO_ID]], Vec::new())
    };
    let (thing_langs, lang) =
        if version >= 4 { read_langs(r, things)? } else { (Vec::new(), Lang::En) };
    let valid = check_bounds(&name_bounds, name_text.len(), Some(&name_text), false)
        && check_bounds(&entry_names, names, None, true)
        && check_bounds(&id_bounds, ids.len(), Some(&ids), false)
        && entry_thing.iter().all(|&t| (t as usize) < things)
        && thing_label.iter().all(|&l| (l as usize) < labels.len())
        && thing_case.iter().all(|&c| case_from_code(c).is_some());
    if !valid {
        return Err(corrupted());
    }
    let store = Store::from_parts(Parts {
        names: name_text,
        name_bounds,
        entry_names,
        entry_thing,
        ids,
        id_bounds,
        thing_label,
        thing_prior,
        thing_case,
        thing_place,
        thing_langs,
        places,
        place_ids,
        labels,
    })?;
    Ok((store, lang))
}

/// The langs section (format version 4), checked, its sets renumbered to
/// this build's [`Lang::ALL`].
fn read_langs(r: &mut Reader<'_>, things: usize) -> Result<(Vec<u32>, Lang), Error> {
    let lang_of = |code: &str| -> Result<Lang, Error> {
        code.parse().map_err(|_| {
            Error::format(format!(
                "the file has entries in language {code:?}, which this version does not \
                 support: load it with the version that saved it"
            ))
        })
    };
    let code_count = r.count(4)?;
    if code_count > 32 {
        return Err(Error::format("corrupted data: invalid language table"));
    }
    let mut bits = Vec::with_capacity(code_count);
    for _ in 0..code_count {
        bits.push(langs::bit(lang_of(r.str()?)?));
    }
    let sets = match r.count(4)? {
        0 => Vec::new(),
        n if n == things => r.u32s(things)?,
        _ => return Err(Error::format("corrupted data: invalid language table")),
    };
    let known = if code_count == 32 { u32::MAX } else { (1u32 << code_count) - 1 };
    if sets.iter().any(|&set| set & !known != 0) {
        return Err(Error::format("corrupted data: invalid language table"));
    }
    // A file saved by this build lists the languages in this build's
    // order: its sets need no renumbering (which, a thing at a time, was a
    // twentieth of the embedded gazetteer's load).
    let renumbered = if bits.iter().enumerate().all(|(i, &b)| b == 1 << i) {
        sets
    } else {
        sets.into_iter()
            .map(|set| {
                let kept = bits.iter().enumerate().filter(|(i, _)| set & (1 << i) != 0);
                kept.fold(0, |m, (_, b)| m | b)
            })
            .collect()
    };
    Ok((renumbered, lang_of(r.str()?)?))
}

/// The interned country and admin1 ids, the (country, admin1) pairs, and
/// each thing's pair: the parts of a store's place table.
type PlaceTable = (Vec<String>, Vec<[u32; 2]>, Vec<u32>);

/// The places section (format version 3), checked.
fn read_places(r: &mut Reader<'_>, things: usize) -> Result<PlaceTable, Error> {
    let id_count = r.count(4)?;
    let mut place_ids = Vec::with_capacity(id_count);
    for _ in 0..id_count {
        place_ids.push(r.str()?.to_owned());
    }
    let place_count = r.count(8)?;
    let places: Vec<[u32; 2]> =
        r.u32s(place_count * 2)?.chunks_exact(2).map(|p| [p[0], p[1]]).collect();
    let thing_place = match r.count(4)? {
        0 => Vec::new(),
        n if n == things => r.u32s(things)?,
        _ => return Err(Error::format("corrupted data: invalid place table")),
    };
    let valid = places.first() == Some(&[NO_ID, NO_ID])
        && places.iter().flatten().all(|&i| i == NO_ID || (i as usize) < id_count)
        && thing_place.iter().all(|&p| (p as usize) < place_count);
    if !valid {
        return Err(Error::format("corrupted data: invalid place table"));
    }
    Ok((place_ids, places, thing_place))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Entry;

    fn gazetteer() -> Gazetteer {
        Gazetteer::new([
            Entry::new("Portland", "GPE", "1").with_country("US").with_admin1("US-ME"),
            Entry::new("Portland", "GPE", "2").with_country("US").with_admin1("US-OR"),
            Entry::new("Oregon", "GPE", "US-OR").with_country("US"),
        ])
        .unwrap()
    }

    /// Saves `gazetteer` with its store changed by `tamper`: a file with a
    /// valid checksum and an invalid place table.
    fn tampered(tamper: impl FnOnce(&mut Store)) -> Result<Gazetteer, Error> {
        let mut g = gazetteer();
        tamper(Arc::make_mut(&mut g.entries));
        Gazetteer::from_bytes(&g.to_bytes()?)
    }

    #[test]
    fn invalid_place_tables_are_errors() {
        assert!(tampered(|_| {}).is_ok());
        type Tamper = fn(&mut Store);
        let cases: [(&str, Tamper); 5] = [
            ("thing out of range", |s| s.thing_place[0] = 9),
            ("a place for some things only", |s| s.thing_place.truncate(2)),
            ("country out of range", |s| s.places[1][0] = 7),
            ("admin1 out of range", |s| s.places[2][1] = 3),
            ("place 0 not empty", |s| s.places[0] = [0, NO_ID]),
        ];
        for (what, tamper) in cases {
            let err = tampered(tamper).unwrap_err();
            assert_eq!(
                err.to_string(),
                "reading compiled gazetteer: corrupted data: invalid place table",
                "{what}"
            );
        }
    }
}
