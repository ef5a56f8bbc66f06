use tiemap::extract::{DocDate, gazetteer::Gazetteer, sentences::split_sentences};

#[test]
#[ignore]
fn dump() {
    let text = std::fs::read_to_string(std::env::var("DUMP").unwrap_or("data/article.txt".into()))
        .unwrap();
    let t0 = std::time::Instant::now();
    let g = Gazetteer::build_builtin().unwrap();
    eprintln!("load {:?}", t0.elapsed());
    let s = split_sentences(&text);
    for (i, sp) in s.iter().enumerate() {
        eprintln!("S{i}: {}", &text[sp.start..sp.end]);
    }
    let m = g.find_mentions(&text, &s, DocDate::parse("2023-02"));
    for x in &m {
        eprintln!(
            "{:?} {:?} {:?}",
            &text[x.span.start..x.span.end],
            x.actors,
            x.form
        );
    }
}
