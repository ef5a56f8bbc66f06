//! Prints the bundled parser's tree of each line of standard input, one word a line (index,
//! word, tag, head, relation), to see why a sentence was read as it was.
//!
//!     echo "Peru suspended trade with Bolivia." | cargo run --release --example parse_tree

use std::io::{BufRead, Write};

use tiemap::extract::parse::Parser;
use tiemap::extract::text::{WordToken, tokenize};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let parser = Parser::bundled()?;
    let mut tokens: Vec<WordToken> = Vec::new();
    let mut tree = Vec::new();
    let mut out = std::io::stdout().lock();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        tokenize(&line, &mut tokens);
        let words: Vec<&str> = tokens
            .iter()
            .map(|token| {
                token
                    .normal
                    .or_else(|| token.span.slice(&line))
                    .unwrap_or("")
            })
            .collect();
        parser.parse(&words, &mut tree);
        for (index, (word, parsed)) in words.iter().zip(&tree).enumerate() {
            let head = parsed.head.map_or("-".to_owned(), |head| head.to_string());
            writeln!(
                out,
                "{index}\t{word}\t{:?}\t{head}\t{:?}",
                parsed.tag, parsed.rel
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
