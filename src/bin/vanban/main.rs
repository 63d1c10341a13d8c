//! The `vanban` command-line tool.
fn main() {}
