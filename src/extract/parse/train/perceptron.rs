//! The averaged perceptron learner behind all three classifiers.
//!
//! Rows are created on the first update of a feature and found through a map keyed by the
//! feature key (whose own hash is the identity: keys are hashes already). Averaging is lazy:
//! each weight keeps its running total and the time of its last change, so an update costs the
//! same whatever the number of examples (Collins 2002; Daumé's trick). [`Perceptron::export`]
//! averages, quantises to `i16` and prunes the near-zero weights into a run-time [`Weights`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::extract::parse::weights::{Row, Weights};

/// Hasher for keys that are hashes already.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) | u64::from(byte);
        }
    }

    fn write_u32(&mut self, value: u32) {
        self.0 = u64::from(value).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// An averaged perceptron over `classes` classes.
pub struct Perceptron {
    classes: usize,
    index: HashMap<u32, u32, BuildHasherDefault<KeyHasher>>,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    time: u32,
}

impl Perceptron {
    /// A learner with no weights.
    pub fn new(classes: usize) -> Perceptron {
        Perceptron {
            classes,
            index: HashMap::default(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            time: 0,
        }
    }

    /// Adds the current (not averaged) weights of `keys` to `scores`.
    pub fn score(&self, keys: &[u32], scores: &mut [f32]) {
        scores.fill(0.0);
        for key in keys {
            if let Some(&row) = self.index.get(key) {
                let from = row as usize * self.classes;
                for (score, weight) in scores.iter_mut().zip(&self.weights[from..]) {
                    *score += weight;
                }
            }
        }
    }

    /// Counts one training example (the clock of the averaging).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Moves the weights of `keys` towards `truth` and away from `guess`.
    pub fn update(&mut self, keys: &[u32], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &key in keys {
            let next = self.index.len() as u32;
            let row = *self.index.entry(key).or_insert(next);
            if row == next {
                let size = self.weights.len() + self.classes;
                self.weights.resize(size, 0.0);
                self.totals.resize(size, 0.0);
                self.stamps.resize(size, 0);
            }
            let from = row as usize * self.classes;
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let at = from + class;
                let elapsed = f64::from(self.time - self.stamps[at]);
                self.totals[at] += elapsed * f64::from(self.weights[at]);
                self.stamps[at] = self.time;
                self.weights[at] += delta;
            }
        }
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.index.len()
    }

    /// The averaged weights, quantised so the largest is `i16::MAX` and with every weight
    /// below `prune` (in update units: one update moves a weight by one) dropped.
    pub fn export(&self, prune: f64) -> Weights {
        let time = f64::from(self.time.max(1));
        let average = |at: usize| {
            let elapsed = f64::from(self.time - self.stamps[at]);
            (self.totals[at] + elapsed * f64::from(self.weights[at])) / time
        };
        let largest = (0..self.weights.len())
            .map(|at| average(at).abs())
            .fold(0.0f64, f64::max)
            .max(1e-12);
        let step = largest / f64::from(i16::MAX);
        let floor = prune;
        let mut keys: Vec<(u32, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut rows: Vec<Row> = Vec::with_capacity(keys.len());
        for (key, row) in keys {
            let from = row as usize * self.classes;
            let entries: Vec<(u8, i16)> = (0..self.classes)
                .filter_map(|class| {
                    let value = average(from + class);
                    let quantised = (value / step).round() as i16;
                    (value.abs() >= floor && quantised != 0).then_some((class as u8, quantised))
                })
                .collect();
            if !entries.is_empty() {
                rows.push((key, entries));
            }
        }
        Weights::from_rows(self.classes, &rows)
    }
}
