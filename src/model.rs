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
            let values: Result<Vec<f32>, _> = cells.map(|c| c.trim().parse::<f32>()).collect();
            let values = values.map_err(|e| format!("line {}: {e}", n + 1))?;
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

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let p = softmax(&[1000.0, 999.0, -5.0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
        assert!(p[0] > p[1] && p[1] > p[2]);
    }
}
