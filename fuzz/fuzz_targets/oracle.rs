//! What every fuzz target checks of a report, besides not panicking: spans slice the
//! text, the JSON grows at most linearly with the input, and so does the CPU time taken
//! (issue 8).

use parallax::Report;

/// Most bytes of JSON per byte of input, as `tests/hostile` asks of large inputs.
const MAX_OUTPUT_RATIO: usize = 20;
/// Allowed on top for small inputs: the fixed part of a report (its viewpoints) and the
/// densest mentions ("US US US…": 64 bytes of JSON per 3-byte mention, until the cap of
/// `parallax::report::MAX_MENTIONS`). Quadratic growth passes it within a few kilobytes.
const SLACK: usize = 64 * 1024;

pub fn check(input_len: usize, text: &str, report: &Report) {
    let chars: Vec<char> = text.chars().collect();
    for m in &report.mentions {
        assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
    }
    let json = serde_json::to_vec(report).expect("a report always serialises");
    assert!(
        json.len() <= MAX_OUTPUT_RATIO * input_len + SLACK,
        "{} bytes of JSON for {input_len} bytes of input",
        json.len()
    );
}

/// CPU time allowed per unit: a fixed part, and a part per byte of input that is about
/// four times what this build takes on the hostile inputs (2-3 µs per byte). "Mossad ("
/// repeated took about 2 s per 64 KB before it was made linear.
const CPU_BASE_SECONDS: f64 = 0.5;
const CPU_SECONDS_PER_BYTE: f64 = 10e-6;

/// CPU time of this thread, in seconds. libFuzzer's `-timeout` counts wall-clock time,
/// which a busy machine stretches; this does not.
pub fn thread_cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

pub fn check_cpu(input_len: usize, seconds: f64) {
    let allowed = CPU_BASE_SECONDS + CPU_SECONDS_PER_BYTE * input_len as f64;
    assert!(
        seconds <= allowed,
        "{seconds:.2} s of CPU for {input_len} bytes of input (allowed {allowed:.2} s)"
    );
}
