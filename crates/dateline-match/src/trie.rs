//! A compact radix trie over folded pattern keys, walked anchored from
//! token starts. See `DESIGN.md` for why this replaces an Aho-Corasick
//! automaton.

use crate::fold::FOLD;

/// Marks "no child" in the root table; node 0 is the root and never a child.
const NONE: u32 = 0;

/// Set on a stored pattern id whose case policy needs a check, so that the
/// common unchecked candidate reads nothing else.
pub(crate) const CHECKED: u32 = 1 << 31;

/// One trie node. Its incoming edge label is `pool[label..label + label_len]`
/// (empty for the root); its children are the nodes
/// `first_child..nodes[id + 1].first_child` (breadth-first order keeps them
/// contiguous); the patterns ending here are `ids[out..out + out_len]`, or
/// when there is exactly one, `out` itself (saving a cache miss per
/// candidate).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Node {
    pub(crate) first_child: u32,
    pub(crate) label: u32,
    pub(crate) label_len: u32,
    pub(crate) out: u32,
    pub(crate) out_len: u32,
}

/// The trie. `nodes` ends with a sentinel whose `first_child` closes the
/// last real node's child range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Trie {
    pub(crate) nodes: Vec<Node>,
    /// First label byte of each node, so a child lookup scans one short
    /// contiguous byte slice.
    pub(crate) first_bytes: Vec<u8>,
    /// All pattern keys, concatenated; labels point into it.
    pub(crate) pool: Vec<u8>,
    /// Pattern ids sorted by key, then id: equal keys share a node.
    pub(crate) ids: Vec<u32>,
    /// Root children by first unit, derived from `nodes`.
    root: Box<[u32; 256]>,
}

impl Trie {
    /// Builds the trie over `keys[i] = pool[ranges[i].0..ranges[i].1]`,
    /// none of them empty.
    ///
    /// Returns the trie and the key ranges (into the trie's pool) in sorted
    /// order. The pool is rewritten in sorted order, each distinct key once,
    /// so the construction below and later walks read it sequentially.
    pub(crate) fn build(pool: Vec<u8>, ranges: Vec<(u32, u32)>) -> (Trie, Vec<(u32, u32)>) {
        let ids: Vec<u32> = {
            let key = |id: u32| {
                let (s, e) = ranges[id as usize];
                &pool[s as usize..e as usize]
            };
            // Sort on the keys' first eight bytes as an integer (zero-padded,
            // big-endian, so integer order is byte order), and compare whole
            // keys only on ties: most comparisons stay in cache.
            let prefix = |k: &[u8]| {
                let mut head = [0u8; 8];
                let n = k.len().min(8);
                head[..n].copy_from_slice(&k[..n]);
                u64::from_be_bytes(head)
            };
            let mut order: Vec<(u64, u32)> =
                (0..ranges.len() as u32).map(|id| (prefix(key(id)), id)).collect();
            order.sort_unstable_by(|a, b| {
                a.0.cmp(&b.0).then_with(|| key(a.1).cmp(key(b.1))).then(a.1.cmp(&b.1))
            });
            order.into_iter().map(|(_, id)| id).collect()
        };
        let mut sorted_pool = Vec::with_capacity(pool.len());
        let mut sorted: Vec<(u32, u32)> = Vec::with_capacity(ids.len());
        let mut previous: Option<&[u8]> = None;
        for &id in &ids {
            let (s, e) = ranges[id as usize];
            let key = &pool[s as usize..e as usize];
            if previous != Some(key) {
                let start = sorted_pool.len() as u32;
                sorted_pool.extend_from_slice(key);
                sorted.push((start, sorted_pool.len() as u32));
            } else {
                let last = *sorted.last().expect("a previous key");
                sorted.push(last);
            }
            previous = Some(key);
        }
        drop(pool);
        drop(ranges);
        let pool = sorted_pool;
        let key = |j: usize| {
            let (s, e) = sorted[j];
            &pool[s as usize..e as usize]
        };

        // Breadth-first, without a queue: nodes are processed in the order
        // they are created, so a node waiting its turn keeps its key range
        // and end depth in the fields it does not use yet (`out`,
        // `out_len`, `first_child`). A queue of (node, range, depth) held a
        // whole trie level, 26 MB for a million keys.
        let mut nodes =
            vec![Node { first_child: 0, out: 0, out_len: ids.len() as u32, ..Node::default() }];
        let mut first_bytes = vec![0u8];
        let mut node = 0;
        while node < nodes.len() {
            let n = nodes[node];
            let (lo, hi, depth) = (n.out as usize, n.out_len as usize, n.first_child as usize);
            let mut j = lo;
            while j < hi && key(j).len() == depth {
                j += 1;
            }
            let first_child = nodes.len() as u32;
            let n = &mut nodes[node];
            n.out_len = (j - lo) as u32;
            n.out = if n.out_len == 1 { ids[lo] } else { lo as u32 };
            n.first_child = first_child;
            while j < hi {
                let first = key(j);
                let byte = first[depth];
                let mut k = j + 1;
                while k < hi && key(k)[depth] == byte {
                    k += 1;
                }
                let last = key(k - 1);
                let lcp = depth + 1 + common_prefix(&first[depth + 1..], &last[depth + 1..]);
                nodes.push(Node {
                    first_child: lcp as u32,
                    label: sorted[j].0 + depth as u32,
                    label_len: (lcp - depth) as u32,
                    out: j as u32,
                    out_len: k as u32,
                });
                first_bytes.push(byte);
                j = k;
            }
            node += 1;
        }
        let sentinel = Node { first_child: nodes.len() as u32, ..Node::default() };
        nodes.push(sentinel);
        first_bytes.push(0);
        nodes.shrink_to_fit();
        first_bytes.shrink_to_fit();
        (Trie::from_parts(nodes, first_bytes, pool, ids), sorted)
    }

    /// Assembles a trie from validated parts (see `persist`).
    pub(crate) fn from_parts(
        nodes: Vec<Node>,
        first_bytes: Vec<u8>,
        pool: Vec<u8>,
        ids: Vec<u32>,
    ) -> Trie {
        let mut root = Box::new([NONE; 256]);
        let (lo, hi) = (nodes[0].first_child, nodes[1].first_child);
        for child in lo..hi {
            root[first_bytes[child as usize] as usize] = child;
        }
        Trie { nodes, first_bytes, pool, ids, root }
    }

    /// Whether some pattern starts with the unit of byte `b`.
    #[inline]
    pub(crate) fn starts_with_unit(&self, b: u8) -> bool {
        self.root[FOLD[b as usize] as usize] != NONE
    }

    /// Walks the trie along `text` from `start`, calling `on_end(ids, end)`
    /// for every node with patterns, in order of increasing `end` (the
    /// offset just past the last unit consumed).
    ///
    /// Each step consumes at least one byte of `text`, so a walk costs at
    /// most as many steps as the longest pattern has units (plus skipped
    /// whitespace): the search is O(text × longest pattern) in the worst
    /// case and about O(text) on real text.
    #[inline]
    pub(crate) fn walk(&self, text: &[u8], start: usize, on_end: impl FnMut(&[u32], usize)) {
        let Some(&b) = text.get(start) else { return };
        let unit = FOLD[b as usize];
        let node = self.root[unit as usize] as usize;
        if node != NONE as usize {
            self.walk_from(text, node, 1, next_unit(text, start, unit), on_end);
        }
    }

    /// Continues a walk that stands in `node` with `covered` bytes of its
    /// label matched and `pos` the next text offset.
    #[inline]
    pub(crate) fn walk_from(
        &self,
        text: &[u8],
        mut node: usize,
        covered: usize,
        mut pos: usize,
        mut on_end: impl FnMut(&[u32], usize),
    ) {
        let mut covered = covered;
        loop {
            let Some(n) = self.nodes.get(node) else { return };
            let (label, len) = (n.label as usize, n.label_len as usize);
            let Some(rest) = self.pool.get(label + covered..label + len) else { return };
            for &want in rest {
                let Some(&b) = text.get(pos) else { return };
                let unit = FOLD[b as usize];
                if unit != want {
                    return;
                }
                pos = next_unit(text, pos, unit);
            }
            match n.out_len {
                0 => {}
                1 => on_end(std::slice::from_ref(&n.out), pos),
                len => {
                    let out = n.out as usize;
                    if let Some(ids) = self.ids.get(out..out + len as usize) {
                        on_end(ids, pos);
                    }
                }
            }
            let Some(&b) = text.get(pos) else { return };
            let unit = FOLD[b as usize];
            let lo = n.first_child as usize;
            let Some(hi) = self.nodes.get(node + 1).map(|n| n.first_child as usize) else {
                return;
            };
            let siblings = self.first_bytes.get(lo..hi).unwrap_or_default();
            match siblings.iter().position(|&f| f == unit).map(|i| lo + i) {
                Some(c) => node = c,
                None => return,
            }
            covered = 1;
            pos = next_unit(text, pos, unit);
        }
    }

    /// Calls `f` with every distinct key whose first byte passes
    /// `first_byte`, in key order.
    pub(crate) fn for_each_key(&self, first_byte: impl Fn(u8) -> bool, mut f: impl FnMut(&[u8])) {
        let (lo, hi) = (self.nodes[0].first_child as usize, self.nodes[1].first_child as usize);
        let roots = (lo..hi).filter(|&child| first_byte(self.first_bytes[child]));
        // Depth-first with an explicit stack of (node, key length before
        // its label), so deep keys cannot overflow the call stack.
        let mut stack: Vec<(usize, usize)> = roots.rev().map(|child| (child, 0)).collect();
        let mut key = Vec::new();
        while let Some((node, depth)) = stack.pop() {
            let n = self.nodes[node];
            key.truncate(depth);
            key.extend_from_slice(&self.pool[n.label as usize..(n.label + n.label_len) as usize]);
            if n.out_len > 0 {
                f(&key);
            }
            let (first, last) = (n.first_child as usize, self.nodes[node + 1].first_child as usize);
            stack.extend((first..last).rev().map(|child| (child, key.len())));
        }
    }

    /// Where a walk from the root stands after consuming `units` exactly:
    /// `(node, covered)`, or `None` if no key starts with `units`.
    pub(crate) fn descend(&self, units: &[u8]) -> Option<(u32, u32)> {
        let (&first, mut rest) = units.split_first()?;
        let mut node = self.root[first as usize] as usize;
        let mut covered = 1usize;
        if node == NONE as usize {
            return None;
        }
        loop {
            let n = self.nodes[node];
            let label = &self.pool[(n.label as usize)..(n.label + n.label_len) as usize];
            while covered < label.len() {
                let Some((&b, tail)) = rest.split_first() else {
                    return Some((node as u32, covered as u32));
                };
                if b != label[covered] {
                    return None;
                }
                covered += 1;
                rest = tail;
            }
            let Some((&b, tail)) = rest.split_first() else {
                return Some((node as u32, covered as u32));
            };
            let lo = n.first_child as usize;
            let hi = self.nodes[node + 1].first_child as usize;
            node = lo + self.first_bytes[lo..hi].iter().position(|&f| f == b)?;
            covered = 1;
            rest = tail;
        }
    }

    /// Sets [`CHECKED`] on every stored pattern id for which `checked(id)`.
    pub(crate) fn tag_ids(&mut self, checked: impl Fn(u32) -> bool) {
        let tag = |id: u32| if checked(id) { id | CHECKED } else { id };
        for id in &mut self.ids {
            *id = tag(*id);
        }
        for n in &mut self.nodes {
            if n.out_len == 1 {
                n.out = tag(n.out);
            }
        }
    }

    /// Approximate heap bytes used.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.nodes.capacity() * size_of::<Node>()
            + self.first_bytes.capacity()
            + self.pool.capacity()
            + self.ids.capacity() * 4
            + 256 * 4
    }
}

/// The offset after the unit at `pos`: one byte, or a whole whitespace run
/// when the unit is a space.
#[inline(always)]
fn next_unit(text: &[u8], pos: usize, unit: u8) -> usize {
    let mut next = pos + 1;
    if unit == b' ' {
        while next < text.len() && FOLD[text[next] as usize] == b' ' {
            next += 1;
        }
    }
    next
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(keys: &[&str]) -> Trie {
        let mut pool = Vec::new();
        let mut ranges = Vec::new();
        for k in keys {
            let s = pool.len() as u32;
            pool.extend_from_slice(k.as_bytes());
            ranges.push((s, pool.len() as u32));
        }
        Trie::build(pool, ranges).0
    }

    fn ends(t: &Trie, text: &str, start: usize) -> Vec<(Vec<u32>, usize)> {
        let mut out = Vec::new();
        t.walk(text.as_bytes(), start, |ids, end| out.push((ids.to_vec(), end)));
        out
    }

    #[test]
    fn walks_prefixes_in_order() {
        let t = trie(&["new york", "new", "new yorker", "new", "newark"]);
        assert_eq!(ends(&t, "New  York\nYorkers", 0), vec![(vec![1, 3], 3), (vec![0], 9)]);
        assert_eq!(ends(&t, "New Yorkers", 0), vec![(vec![1, 3], 3), (vec![0], 8), (vec![2], 10)]);
        assert_eq!(ends(&t, "Newark", 0), vec![(vec![1, 3], 3), (vec![4], 6)]);
        assert_eq!(ends(&t, "x", 0), vec![]);
        assert_eq!(ends(&t, "", 0), vec![]);
    }

    #[test]
    fn descend_stops_inside_labels() {
        let t = trie(&["les escaldes", "new", "new york"]);
        let at = |w: &str| t.descend(w.as_bytes()).map(|(n, c)| (t.first_bytes[n as usize], c));
        assert_eq!(at("les"), Some((b'l', 3)));
        assert_eq!(at("new"), Some((b'n', 3)));
        assert_eq!(at("new y"), Some((b' ', 2)));
        assert_eq!(at("lex"), None);
        assert_eq!(at(""), None);
    }

    #[test]
    fn radix_nodes_stay_few() {
        let t = trie(&["abcdef", "abcxyz", "q"]);
        // root, "abc", "def", "xyz", "q", sentinel
        assert_eq!(t.nodes.len(), 6);
    }
}

#[cfg(test)]
mod stats {
    use crate::Matcher;

    /// Prints the shape of the trie over the shared cities gazetteer.
    /// `cargo test -p dateline-match --release -- --ignored --nocapture trie_shape`
    #[test]
    #[ignore = "needs ../shared/gazetteers"]
    fn trie_shape() {
        let Ok(text) = std::fs::read_to_string("../../../shared/gazetteers/cities.tsv") else {
            return;
        };
        let forms: Vec<&str> = text.lines().skip(1).filter_map(|l| l.split('\t').next()).collect();
        let m = Matcher::new(forms.iter().copied()).expect("valid");
        let t = &m.trie;
        let real = t.nodes.len() - 1;
        let mut fanout = [0usize; 8];
        for i in 0..real {
            let n = (t.nodes[i + 1].first_child - t.nodes[i].first_child) as usize;
            let bucket = match n {
                0 => 0,
                1 => 1,
                2 => 2,
                3..=4 => 3,
                5..=8 => 4,
                9..=16 => 5,
                17..=32 => 6,
                _ => 7,
            };
            fanout[bucket] += 1;
        }
        let alphabet = {
            let mut seen = [false; 256];
            t.pool.iter().for_each(|&b| seen[b as usize] = true);
            seen.iter().filter(|&&s| s).count()
        };
        eprintln!(
            "patterns {} nodes {real} pool {} alphabet {alphabet} memory {} fanout 0,1,2,3-4,5-8,9-16,17-32,33+: {fanout:?}",
            forms.len(),
            t.pool.len(),
            m.memory_usage()
        );
    }
}
