//! Integration tests of dateline-gazetteer, one binary with a module per area.
//! Case tables live in `tests/data/` and are embedded with `include_str!`.

mod cases;
mod context;
#[cfg(feature = "embedded")]
mod embedded;
#[cfg(feature = "embedded")]
mod embedded_langs;
mod load;
mod matching;
mod pathological;
mod persist;
mod props;
mod ranking;

#[test]
fn public_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<dateline_gazetteer::Gazetteer>();
    assert_send_sync::<dateline_gazetteer::GazetteerBuilder>();
    assert_send_sync::<dateline_gazetteer::Entry>();
    assert_send_sync::<dateline_gazetteer::EntityMatch<'static>>();
    assert_send_sync::<dateline_gazetteer::Error>();
}
