//! The whole pipeline, bytes in: `form4::parse_bytes` must return a record or an error for
//! any input, never panic or hang, and a record's diagnostics must point inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(record) = form4::parse_bytes(data) else {
        return;
    };
    // Lossy decoding may lengthen the text (each bad byte becomes 3-byte U+FFFD).
    let len = String::from_utf8_lossy(data).len();
    let d = &record.diagnostics;
    let spans = d
        .unmapped
        .iter()
        .map(|u| u.at)
        .chain(d.repairs.iter().filter_map(|r| r.at))
        .chain(d.warnings.iter().filter_map(|w| w.at));
    for at in spans {
        assert!(
            at.start <= at.end && at.end <= len,
            "span {at:?} outside input of {len} bytes"
        );
    }
    // The record serializes (the CLI's only output).
    let json = serde_json::to_string(&record);
    assert!(json.is_ok(), "record does not serialize: {json:?}");
});
