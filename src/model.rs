//! Small linear models learned from labelled articles by `scripts/train.py` and checked
//! into `data/model/`. Rules and the document model propose named features; a model
//! weighs them. A softmax over classes, so scores are probabilities.
//!
//! The file format is plain TSV, one row per feature, readable in review:
//!
//! ```text
//! # comments
//! classes   iranian  israeli  …
//! bias      0.12     -0.3     …
//! ev:epithet:iranian   1.4  -0.2  …
//! ```
//!
//! Features the model does not know weigh nothing; a missing or malformed file is an
//! error the caller turns into its hand-set fallback.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Named feature values of one instance.
pub type Features = Vec<(String, f32)>;

#[derive(Clone, Debug, Default)]
pub struct LinearModel {
    pub classes: Vec<String>,
    bias: Vec<f32>,
    weights: HashMap<String, Vec<f32>>,
}

impl LinearModel {
    /// Parses the TSV form; the error names the line.
    pub fn parse(source: &str) -> Result<LinearModel, String> {
        let mut model = LinearModel::default();
        for (n, line) in source.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cells = line.split('\t');
            let name = cells.next().unwrap_or_default().trim();
            if name == "classes" {
                model.classes = cells.map(|c| c.trim().to_string()).collect();
                continue;
            }
            let values = (cells.map(str::trim))
                .map(|c| decimal(c).ok_or_else(|| format!("line {}: `{c}` is not a number", n + 1)))
                .collect::<Result<Vec<f32>, String>>()?;
            if model.classes.is_empty() || values.len() != model.classes.len() {
                return Err(format!(
                    "line {}: {} values for {} classes",
                    n + 1,
                    values.len(),
                    model.classes.len()
                ));
            }
            if name == "bias" {
                model.bias = values;
            } else {
                model.weights.insert(name.to_string(), values);
            }
        }
        if model.classes.is_empty() || model.bias.len() != model.classes.len() {
            return Err("no `classes` and `bias` rows".into());
        }
        Ok(model)
    }

    pub fn class_index(&self, class: &str) -> Option<usize> {
        self.classes.iter().position(|c| c == class)
    }

    /// Bias plus the weighted features, per class.
    pub fn logits(&self, features: &[(String, f32)]) -> Vec<f32> {
        let mut z = self.bias.clone();
        for (name, value) in features {
            if let Some(w) = self.weights.get(name) {
                for (zi, wi) in z.iter_mut().zip(w) {
                    *zi += wi * value;
                }
            }
        }
        z
    }
}

/// A number of a model file (`-0.1249`, `5.5889`, `1e-3`) as `str::parse::<f32>` reads
/// it, bit for bit, without core's decimal-to-float code and its 10 kB table of powers of
/// five, which nothing else in the main wasm module needs. The digits as an integer
/// below 2^53 and a power of ten up to 10^22 are exact in an f64, so one product or
/// quotient is the correctly rounded f64, and rounding that to an f32 is correct unless
/// it falls on a tie between two f32s. Such a tie, and any number past those bounds
/// (over 15 digits, or outside the f32's normal range), is refused: `None`, as for text
/// that is not a number.
fn decimal(s: &str) -> Option<f32> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (negative, body) = match s.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (number, exponent) = match body.split_once(['e', 'E']) {
        Some((number, exponent)) => (number, Some(exponent)),
        None => (body, None),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut digits: u64 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        digits = digits * 10 + u64::from(b - b'0');
        if digits >= 1 << 53 {
            return None;
        }
    }
    let mut power = -i64::try_from(fraction.len()).ok()?;
    if let Some(exponent) = exponent {
        let (sign, e) = match exponent.strip_prefix('-') {
            Some(e) => (-1, e),
            None => (1, exponent.strip_prefix('+').unwrap_or(exponent)),
        };
        if e.is_empty() || e.len() > 4 || !e.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        power += sign * e.parse::<i64>().ok()?;
    }
    let value = if digits == 0 {
        0.0
    } else {
        let scale = *POW10.get(usize::try_from(power.unsigned_abs()).ok()?)?;
        let exact = match power < 0 {
            true => digits as f64 / scale,
            false => digits as f64 * scale,
        };
        let rounded = exact as f32;
        let below = exact.to_bits() & ((1 << 29) - 1);
        if !rounded.is_normal() || below == 1 << 28 {
            return None;
        }
        rounded
    };
    Some(if negative { -value } else { value })
}

/// A checked-in model, parsed on first use; None when the file holds no model.
pub fn cached(
    cell: &'static OnceLock<Option<LinearModel>>,
    source: &str,
) -> Option<&'static LinearModel> {
    cell.get_or_init(|| LinearModel::parse(source).ok())
        .as_ref()
}

/// Probabilities from logits (numerically stable).
pub fn softmax(z: &[f32]) -> Vec<f32> {
    let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp: Vec<f32> = z.iter().map(|v| (v - max).exp()).collect();
    let total: f32 = exp.iter().sum();
    exp.iter().map(|e| e / total).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOY: &str = "# a toy\nclasses\ta\tb\nbias\t0\t1\nx\t2\t0\n";

    #[test]
    fn weighs_known_features_and_ignores_unknown_ones() {
        let m = LinearModel::parse(TOY).unwrap();
        assert_eq!(m.logits(&[]), vec![0.0, 1.0]);
        assert_eq!(
            m.logits(&[("x".into(), 1.5), ("unknown".into(), 9.0)]),
            vec![3.0, 1.0]
        );
        assert_eq!(m.class_index("b"), Some(1));
    }

    #[test]
    fn malformed_rows_are_errors_naming_the_line() {
        let err = LinearModel::parse("classes\ta\tb\nbias\t0\n").unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
        let err = LinearModel::parse("classes\ta\nbias\tzero\n").unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
        assert!(LinearModel::parse("# nothing\n").is_err());
    }

    /// The numbers `decimal` takes it reads as `str::parse::<f32>` does, bit for bit; it
    /// takes every number of the checked-in models, and most numbers of up to 15 digits.
    #[test]
    fn decimals_are_read_as_the_standard_parser_reads_them() {
        let mut taken = 0;
        let mut cases: Vec<String> = ["0", "-0", "1", "+2.5", "-0.1249", "5.5889", "1e-3"]
            .iter()
            .chain(&[
                "1E3", "-1.5e+2", ".5", "5.", "0.1", "16777217", "3.4e38", "1e-37",
            ])
            .map(|s| s.to_string())
            .collect();
        // Pseudo-random decimals over many lengths and exponents (a fixed LCG).
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let digits = (state >> 33) % 10u64.pow(1 + (state % 15) as u32);
            let point = (state >> 20) % 17;
            let text = digits.to_string();
            let cut = text.len().saturating_sub(point as usize);
            let mut s = format!("{}.{}", &text[..cut], &text[cut..]);
            if state % 7 == 0 {
                s = format!("{s}e{}", (state >> 8) % 40);
            }
            if state % 5 == 0 {
                s = format!("-{s}");
            }
            cases.push(s);
        }
        for case in &cases {
            if let Some(value) = decimal(case) {
                let want: f32 = case.parse().unwrap();
                assert_eq!(value.to_bits(), want.to_bits(), "{case}");
                taken += 1;
            }
        }
        assert!(taken > cases.len() * 9 / 10, "{taken} of {}", cases.len());
        for bad in [
            "", "-", ".", "e5", "1e", "1e+", "inf", "NaN", "1,5", "0x10", "1e99", "--1",
        ] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
        for model in [
            include_str!("../data/model/stance.tsv"),
            include_str!("../data/model/viewpoint.tsv"),
            include_str!("../data/model/calibration.tsv"),
        ] {
            for line in model
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
            {
                for cell in line.split('\t').skip(1).map(str::trim) {
                    if line.starts_with("classes") {
                        continue;
                    }
                    let want: f32 = cell.parse().unwrap();
                    assert_eq!(
                        decimal(cell).map(f32::to_bits),
                        Some(want.to_bits()),
                        "{cell}"
                    );
                }
            }
        }
    }

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let p = softmax(&[1000.0, 999.0, -5.0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
        assert!(p[0] > p[1] && p[1] > p[2]);
    }
}
