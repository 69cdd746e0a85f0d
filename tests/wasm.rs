//! The WebAssembly build, tested from Rust.
//!
//! - On wasm32 (`scripts/test-wasm.sh` runs this file in Node and in headless Chromium): the golden
//!   fixtures of `tests/golden.rs` (list and checks shared in `tests/common`) pass, and the
//!   JavaScript API (`newsclean::wasm`) gives what the Rust API gives, as plain objects whose
//!   spans are UTF-16 offsets, and errors with stable codes.
//! - Natively: a check that the TypeScript types in `src/wasm/types.d.ts`
//!   declare exactly the fields and enum values the Rust report serializes, so the types cannot
//!   drift when a field is added to a fact.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(target_arch = "wasm32")]
mod common;

#[cfg(target_arch = "wasm32")]
mod wasm32 {
    use super::common::{parse_expect, FIXTURES};
    use js_sys::{Array, JsString, Object, Reflect, JSON};
    use newsclean::Options;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn get(v: &JsValue, key: &str) -> JsValue {
        Reflect::get(v, &JsValue::from_str(key)).unwrap()
    }
    fn num(v: &JsValue, key: &str) -> u32 {
        get(v, key).as_f64().unwrap() as u32
    }
    fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
        let o = Object::new();
        for (k, v) in pairs {
            Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
        }
        o.into()
    }
    fn js_clean(input: &str, options: JsValue) -> Result<JsValue, JsValue> {
        newsclean::wasm::clean(JsValue::from_str(input), options)
    }

    /// The golden fixtures of `tests/golden.rs`, under wasm32.
    #[wasm_bindgen_test]
    fn golden_fixtures_wasm32() {
        let failures = super::common::fixture_failures();
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    /// Options as a JavaScript object (every key, as `serde` writes them).
    fn options_to_js(options: &Options) -> JsValue {
        JSON::parse(&serde_json::to_string(options).unwrap()).unwrap()
    }

    /// A fixture's options, in Rust and as a JavaScript object.
    fn js_options(expect_json: &str) -> (Options, JsValue) {
        let options = parse_expect(expect_json).unwrap().options;
        let js = options_to_js(&options);
        (options, js)
    }

    /// Walks the JavaScript result beside the Rust report (as JSON): every span, whatever its
    /// field, must cover in the JS string (UTF-16 offsets) exactly the text the Rust span covers
    /// in the Rust string (byte offsets). `span` under blocks/removed counts in the input, every
    /// other span in `text`. Returns how many spans it compared.
    fn compare_spans(
        js: &JsValue,
        rust: &serde_json::Value,
        input_area: bool,
        bases: &Bases,
        key: &str,
    ) -> usize {
        use serde_json::Value;
        match rust {
            Value::Array(items) => {
                let arr: &Array = js.unchecked_ref();
                assert_eq!(arr.length() as usize, items.len(), "{key}: length");
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| compare_spans(&arr.get(i as u32), x, input_area, bases, key))
                    .sum()
            }
            Value::Object(o)
                if o.len() == 2 && o.contains_key("start") && o.contains_key("end") =>
            {
                let (s8, e8) = (
                    o["start"].as_u64().unwrap() as usize,
                    o["end"].as_u64().unwrap() as usize,
                );
                let (s16, e16) = (num(js, "start"), num(js, "end"));
                let (js_base, rust_base) = if input_area && key == "span" {
                    (&bases.input_js, bases.input)
                } else {
                    (&bases.text_js, bases.text)
                };
                assert_eq!(
                    JsValue::from(js_base.slice(s16, e16)).as_string().unwrap(),
                    rust_base[s8..e8],
                    "{key}: {s16}..{e16} vs bytes {s8}..{e8}"
                );
                1
            }
            Value::Object(o) => o
                .iter()
                .map(|(k, x)| compare_spans(&get(js, k), x, input_area, bases, k))
                .sum(),
            _ => 0,
        }
    }

    struct Bases<'a> {
        input: &'a str,
        text: &'a str,
        input_js: JsString,
        text_js: JsString,
    }

    /// Checks a JavaScript result against the Rust report of the same clean; returns how many
    /// spans were compared.
    fn check_result(input: &str, rust: &newsclean::Article, article: &JsValue) -> usize {
        let bases = Bases {
            input,
            text: &rust.text,
            input_js: JsString::from(input),
            text_js: get(article, "text").unchecked_into(),
        };
        let json = serde_json::to_value(rust).unwrap();
        let mut n = 0;
        for (k, x) in json.as_object().unwrap() {
            let input_area = k == "blocks" || k == "removed";
            n += compare_spans(&get(article, k), x, input_area, &bases, k);
        }
        for b in get(article, "blocks").unchecked_into::<Array>().iter() {
            let ts = get(&b, "textSpan");
            let slice = bases.text_js.slice(num(&ts, "start"), num(&ts, "end"));
            assert_eq!(JsValue::from(slice), get(&b, "text"));
        }
        n
    }

    /// Through the JavaScript API every fixture gives what the Rust API gives, with every span
    /// a UTF-16 offset.
    #[wasm_bindgen_test]
    fn js_results_have_utf16_spans() {
        for (name, input, _, expect_json) in FIXTURES {
            let (options, js) = js_options(expect_json);
            let rust = newsclean::clean(input, &options).unwrap();
            let article = js_clean(input, js).unwrap();
            assert_eq!(
                get(&article, "text").as_string().unwrap(),
                rust.text,
                "{name}"
            );
            let checked = check_result(input, &rust, &article);
            assert!(
                checked >= 2 * rust.blocks.len() + rust.removed.len(),
                "{name}: only {checked} spans compared"
            );
        }
        // The emoji fixture really has text where UTF-8 and UTF-16 offsets differ.
        let (_, input, _, _) = FIXTURES
            .iter()
            .find(|f| f.0 == "ru-emoji-multiscript")
            .unwrap();
        assert!(input.contains('🎉') && input.contains('市') && input.contains('д'));
        let article = js_clean(input, JsValue::UNDEFINED).unwrap();
        let last = get(&article, "removed").unchecked_into::<Array>().pop();
        assert_eq!(
            num(&get(&last, "span"), "end") as usize,
            input.trim_end().encode_utf16().count()
        );
    }

    #[wasm_bindgen_test]
    fn js_results_are_plain_json() {
        let article = js_clean(FIXTURES[0].1, JsValue::UNDEFINED).unwrap();
        assert!(get(&get(&article, "blocks"), "length").as_f64().unwrap() > 0.0);
        assert_eq!(
            Object::get_prototype_of(&article),
            Object::get_prototype_of(&Object::new())
        );
        let json = JSON::stringify(&article).unwrap();
        let back = JSON::parse(&json.as_string().unwrap()).unwrap();
        assert_eq!(JSON::stringify(&back).unwrap(), json);
        assert!(get(&article, "title").is_null() || get(&article, "title").is_string());
        assert!(get(&get(&article, "stats"), "removedByReason").is_object());
    }

    fn code(err: &JsValue) -> String {
        assert!(err.is_instance_of::<js_sys::Error>(), "{err:?} is an Error");
        get(err, "code").as_string().unwrap()
    }
    fn message(err: &JsValue) -> String {
        get(err, "message").as_string().unwrap()
    }

    #[wasm_bindgen_test]
    fn js_errors_have_codes() {
        // Wrong argument types are TypeErrors.
        for input in [JsValue::from_f64(1.0), JsValue::UNDEFINED, JsValue::NULL] {
            let e = newsclean::wasm::clean(input, JsValue::UNDEFINED).unwrap_err();
            assert!(e.is_instance_of::<js_sys::TypeError>());
            assert_eq!(code(&e), "INVALID_ARGUMENT");
        }
        for options in [JsValue::from_str("en"), Array::new().into(), JsValue::TRUE] {
            let e = js_clean("x", options).unwrap_err();
            assert!(e.is_instance_of::<js_sys::TypeError>());
            assert_eq!(code(&e), "INVALID_ARGUMENT");
        }
        // Unknown keys, wrong field types and bad values are INVALID_OPTIONS, naming the key.
        let e = js_clean("x", obj(&[("referenceDat", JsValue::from_str("x"))])).unwrap_err();
        assert_eq!(code(&e), "INVALID_OPTIONS");
        assert!(message(&e).contains("referenceDat") && message(&e).contains("referenceDate"));
        let e = js_clean("x", obj(&[("facts", JsValue::from_str("yes"))])).unwrap_err();
        assert_eq!(code(&e), "INVALID_OPTIONS");
        assert!(message(&e).contains("facts"), "{}", message(&e));
        let e = js_clean("x", obj(&[("nearDuplicateThreshold", 2.0.into())])).unwrap_err();
        assert_eq!(code(&e), "INVALID_OPTIONS");
        let e = js_clean("x", obj(&[("referenceDate", "27/11/2025".into())])).unwrap_err();
        assert_eq!(code(&e), "INVALID_OPTIONS");
        // Too large: counted in UTF-8 bytes.
        let e = js_clean("ééé", obj(&[("maxInputBytes", 5.0.into())])).unwrap_err();
        assert_eq!(code(&e), "INPUT_TOO_LARGE");
        assert!(!e.is_instance_of::<js_sys::TypeError>());
        // `undefined` values and `null` options mean defaults.
        js_clean("x", obj(&[("facts", JsValue::UNDEFINED)])).unwrap();
        js_clean("x", JsValue::NULL).unwrap();
    }

    #[wasm_bindgen_test]
    fn js_cleaner_is_reusable() {
        let opts = obj(&[("facts", JsValue::FALSE), ("keySentences", 2.0.into())]);
        let cleaner = newsclean::wasm::JsCleaner::new(opts).unwrap();
        let resolved = cleaner.options().unwrap();
        assert_eq!(get(&resolved, "facts"), JsValue::FALSE);
        assert_eq!(get(&resolved, "nearDuplicateThreshold").as_f64(), Some(0.8));
        let rust_options = Options {
            facts: false,
            key_sentences: 2,
            ..Options::default()
        };
        for (name, input, _, _) in FIXTURES {
            let a = cleaner.clean(JsValue::from_str(input)).unwrap();
            let rust = newsclean::clean(input, &rust_options).unwrap();
            assert_eq!(get(&a, "text").as_string().unwrap(), rust.text, "{name}");
            let sentences = get(&get(&a, "facts"), "sentences");
            assert_eq!(sentences.unchecked_into::<Array>().length(), 0);
        }
        assert!(cleaner.clean(JsValue::from_f64(3.0)).is_err());
        assert_eq!(newsclean::wasm::version(), env!("CARGO_PKG_VERSION"));
    }
    /// Every option the Rust `Options` has is read from JavaScript, each to its value: a
    /// Cleaner made from options with no default left reports exactly those options back.
    #[wasm_bindgen_test]
    fn js_options_round_trip() {
        let options = Options {
            format: newsclean::Format::Html,
            url: Some("https://example.org/a".into()),
            reference_date: Some("2025-11-27".into()),
            language: Some("de".into()),
            max_input_bytes: 12_345,
            facts: !Options::default().facts && cfg!(feature = "facts"),
            key_sentences: 7,
            near_duplicate_threshold: 0.65,
            keep_boilerplate: true,
            markdown: true,
        };
        let cleaner = newsclean::wasm::JsCleaner::new(options_to_js(&options)).unwrap();
        let back = JSON::stringify(&cleaner.options().unwrap()).unwrap();
        let back: serde_json::Value = serde_json::from_str(&back.as_string().unwrap()).unwrap();
        assert_eq!(back, serde_json::to_value(&options).unwrap());
        // And every key is read: a value of no option's type is refused under each.
        for (key, _) in serde_json::to_value(&options).unwrap().as_object().unwrap() {
            let one = obj(&[(key.as_str(), Object::new().into())]);
            let e = newsclean::wasm::JsCleaner::new(one).err().unwrap();
            assert_eq!(code(&e), "INVALID_OPTIONS", "{key}");
            assert!(message(&e).starts_with(&format!("invalid options: {key} must be")));
        }
    }

    /// The full module extracts facts by default.
    #[cfg(feature = "facts")]
    #[wasm_bindgen_test]
    fn the_full_module_has_facts() {
        let cleaner = newsclean::wasm::JsCleaner::new(JsValue::UNDEFINED).unwrap();
        assert_eq!(get(&cleaner.options().unwrap(), "facts"), JsValue::TRUE);
        let a = js_clean(FIXTURES[0].1, JsValue::UNDEFINED).unwrap();
        let sentences = get(&get(&a, "facts"), "sentences").unchecked_into::<Array>();
        assert!(sentences.length() > 0);
    }

    /// The core module has no facts: off by default, and asking for them is an error that says
    /// where they are.
    #[cfg(not(feature = "facts"))]
    #[wasm_bindgen_test]
    fn the_core_module_has_no_facts() {
        let cleaner = newsclean::wasm::JsCleaner::new(JsValue::UNDEFINED).unwrap();
        assert_eq!(get(&cleaner.options().unwrap(), "facts"), JsValue::FALSE);
        let a = js_clean(FIXTURES[0].1, JsValue::UNDEFINED).unwrap();
        assert!(get(&a, "text").as_string().unwrap().len() > 100);
        let facts = get(&a, "facts");
        for list in [
            "sentences",
            "entities",
            "times",
            "quantities",
            "quotes",
            "keySentences",
        ] {
            assert_eq!(
                get(&facts, list).unchecked_into::<Array>().length(),
                0,
                "{list}"
            );
        }
        for make in [
            |o| newsclean::wasm::JsCleaner::new(o).map(|_| ()),
            |o| js_clean("x", o).map(|_| ()),
        ] {
            let e = make(obj(&[("facts", JsValue::TRUE)])).unwrap_err();
            assert_eq!(code(&e), "INVALID_OPTIONS");
            assert!(
                message(&e).contains(r#"import from "newsclean""#),
                "{}",
                message(&e)
            );
        }
    }

    /// Where the time of cleaning a 1 MB input goes inside wasm: the JS string copied in, the
    /// Rust core, and the result built as a JS object (the whole `Cleaner.clean` call less the
    /// other two: UTF-16 spans and serde-wasm-bindgen). A measurement, not a test:
    /// `scripts/bench-wasm.sh` runs it (release build) with `--include-ignored`.
    #[wasm_bindgen_test]
    #[ignore]
    fn crossing_cost() {
        let perf = Reflect::get(&js_sys::global(), &JsValue::from_str("performance")).unwrap();
        let now_fn: js_sys::Function = Reflect::get(&perf, &JsValue::from_str("now"))
            .unwrap()
            .unchecked_into();
        let now = || now_fn.call0(&perf).unwrap().as_f64().unwrap();
        // The same 1 MB page as tests/js/bench.mjs: distinct paragraphs from a fixed
        // pseudo-random walk over a small vocabulary, with non-ASCII words.
        let words: Vec<&str> = "the council met on Tuesday and argued about bridge schools budget \
            mayor said residents river plan repairs week next vote members street trains city hall \
            report money Zürich Kraków café naïve «quoted» 🎉 Москва 東京"
            .split_whitespace()
            .collect();
        let mut state: u32 = 2_463_534_242; // xorshift32 (Marsaglia 2003)
        let mut rand = |n: usize| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as usize % n
        };
        let mut big = String::new();
        while big.len() < 1_000_000 {
            for s in 0..3 {
                let n = 10 + rand(10);
                let mut sentence: Vec<String> = (0..n)
                    .map(|_| words[rand(words.len())].to_string())
                    .collect();
                let first = &sentence[0];
                let mut chars = first.chars();
                let head: String = chars
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .collect();
                sentence[0] = head + chars.as_str();
                if s > 0 {
                    big.push(' ');
                }
                big.push_str(&sentence.join(" "));
                big.push('.');
            }
            big.push_str("\n\n");
        }
        let js_input = JsValue::from_str(&big);
        let cleaner = newsclean::wasm::JsCleaner::new(JsValue::UNDEFINED).unwrap();
        let (mut t_in, mut t_core, mut t_out) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..7 {
            let t0 = now();
            let input = js_input.as_string().unwrap();
            let t1 = now();
            let article = newsclean::clean(&input, &Options::default()).unwrap();
            let t2 = now();
            // The whole call: the string copied in, the core, the result out.
            let js = cleaner.clean(js_input.clone()).unwrap();
            let t3 = now();
            assert_eq!(get(&js, "text").as_string().unwrap(), article.text);
            t_in.push(t1 - t0);
            t_core.push(t2 - t1);
            t_out.push((t3 - t2) - (t2 - t1) - (t1 - t0));
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        wasm_bindgen_test::console_log!(
            "crossing, 1 MB input ({} bytes): JS->wasm string {:.2} ms; core {:.1} ms; \
             result -> JS objects {:.1} ms (median of 7)",
            big.len(),
            median(&mut t_in),
            median(&mut t_core),
            median(&mut t_out)
        );
    }
}

/// Natively: the TypeScript types match what the Rust report serializes.
#[cfg(not(target_arch = "wasm32"))]
mod types_match {
    use std::cell::RefCell;
    use std::collections::{BTreeMap, BTreeSet};
    use std::fmt;

    use serde::de::{self, Deserialize, IntoDeserializer};
    use serde_json::Value;

    const TYPES: &str = include_str!("../src/wasm/types.d.ts");

    // ---- A deserializer that builds the fullest value of any type --------------------------
    //
    // Every `Option` is `Some`, every list has one element, every bool is `true` (so fields
    // skipped when false appear), every enum takes its first variant; it records each struct's
    // name and each enum's variants on the way. Serializing the result shows every field.

    #[derive(Debug)]
    struct E(String);
    impl fmt::Display for E {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl std::error::Error for E {}
    impl de::Error for E {
        fn custom<T: fmt::Display>(msg: T) -> Self {
            E(msg.to_string())
        }
    }

    #[derive(Default)]
    struct Seen {
        structs: BTreeSet<&'static str>,
        enums: BTreeMap<&'static str, Vec<&'static str>>,
    }

    #[derive(Clone, Copy)]
    struct Full<'a> {
        seen: &'a RefCell<Seen>,
        depth: usize,
    }

    impl Full<'_> {
        fn deeper(self) -> Self {
            Full {
                depth: self.depth + 1,
                ..self
            }
        }
    }

    struct Items<'a> {
        full: Full<'a>,
        left: usize,
    }
    impl<'de> de::SeqAccess<'de> for Items<'_> {
        type Error = E;
        fn next_element_seed<T: de::DeserializeSeed<'de>>(
            &mut self,
            seed: T,
        ) -> Result<Option<T::Value>, E> {
            if self.left == 0 {
                return Ok(None);
            }
            self.left -= 1;
            seed.deserialize(self.full.deeper()).map(Some)
        }
    }

    struct Fields<'a> {
        full: Full<'a>,
        keys: std::slice::Iter<'static, &'static str>,
    }
    impl<'de> de::MapAccess<'de> for Fields<'_> {
        type Error = E;
        fn next_key_seed<K: de::DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, E> {
            match self.keys.next() {
                Some(k) => seed
                    .deserialize(IntoDeserializer::<E>::into_deserializer(*k))
                    .map(Some),
                None => Ok(None),
            }
        }
        fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, E> {
            seed.deserialize(self.full.deeper())
        }
    }

    struct Variant<'a> {
        full: Full<'a>,
        name: &'static str,
    }
    impl<'de, 'a> de::EnumAccess<'de> for Variant<'a> {
        type Error = E;
        type Variant = Full<'a>;
        fn variant_seed<V: de::DeserializeSeed<'de>>(
            self,
            seed: V,
        ) -> Result<(V::Value, Full<'a>), E> {
            let v = seed.deserialize(IntoDeserializer::<E>::into_deserializer(self.name))?;
            Ok((v, self.full))
        }
    }
    impl<'de> de::VariantAccess<'de> for Full<'_> {
        type Error = E;
        fn unit_variant(self) -> Result<(), E> {
            Ok(())
        }
        fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, E> {
            seed.deserialize(self.deeper())
        }
        fn tuple_variant<V: de::Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, E> {
            visitor.visit_seq(Items {
                full: self,
                left: len,
            })
        }
        fn struct_variant<V: de::Visitor<'de>>(
            self,
            fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, E> {
            visitor.visit_map(Fields {
                full: self,
                keys: fields.iter(),
            })
        }
    }

    impl<'de> de::Deserializer<'de> for Full<'_> {
        type Error = E;
        fn deserialize_any<V: de::Visitor<'de>>(self, _: V) -> Result<V::Value, E> {
            Err(E(
                "a type of the report needs deserialize_any; describe it here".into(),
            ))
        }
        fn deserialize_bool<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_bool(true)
        }
        fn deserialize_i8<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_i64(1)
        }
        fn deserialize_i16<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_i64(1)
        }
        fn deserialize_i32<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_i64(1)
        }
        fn deserialize_i64<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_i64(1)
        }
        fn deserialize_u8<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_u64(1)
        }
        fn deserialize_u16<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_u64(1)
        }
        fn deserialize_u32<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_u64(1)
        }
        fn deserialize_u64<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_u64(1)
        }
        fn deserialize_f32<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_f64(0.5)
        }
        fn deserialize_f64<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_f64(0.5)
        }
        fn deserialize_char<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_char('x')
        }
        fn deserialize_str<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_str("x")
        }
        fn deserialize_string<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_str("x")
        }
        fn deserialize_bytes<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_bytes(b"x")
        }
        fn deserialize_byte_buf<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_bytes(b"x")
        }
        fn deserialize_option<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            if self.depth > 40 {
                return v.visit_none();
            }
            v.visit_some(self.deeper())
        }
        fn deserialize_unit<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_unit()
        }
        fn deserialize_unit_struct<V: de::Visitor<'de>>(
            self,
            _: &'static str,
            v: V,
        ) -> Result<V::Value, E> {
            v.visit_unit()
        }
        fn deserialize_newtype_struct<V: de::Visitor<'de>>(
            self,
            _: &'static str,
            v: V,
        ) -> Result<V::Value, E> {
            v.visit_newtype_struct(self.deeper())
        }
        fn deserialize_seq<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            let left = usize::from(self.depth <= 40);
            v.visit_seq(Items { full: self, left })
        }
        fn deserialize_tuple<V: de::Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, E> {
            v.visit_seq(Items {
                full: self,
                left: len,
            })
        }
        fn deserialize_tuple_struct<V: de::Visitor<'de>>(
            self,
            _: &'static str,
            len: usize,
            v: V,
        ) -> Result<V::Value, E> {
            self.deserialize_tuple(len, v)
        }
        fn deserialize_map<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_map(Fields {
                full: self,
                keys: ["key"].iter(),
            })
        }
        fn deserialize_struct<V: de::Visitor<'de>>(
            self,
            name: &'static str,
            fields: &'static [&'static str],
            v: V,
        ) -> Result<V::Value, E> {
            self.seen.borrow_mut().structs.insert(name);
            v.visit_map(Fields {
                full: self,
                keys: fields.iter(),
            })
        }
        fn deserialize_enum<V: de::Visitor<'de>>(
            self,
            name: &'static str,
            variants: &'static [&'static str],
            v: V,
        ) -> Result<V::Value, E> {
            self.seen.borrow_mut().enums.insert(name, variants.to_vec());
            let first = variants.first().copied().unwrap_or_default();
            v.visit_enum(Variant {
                full: self,
                name: first,
            })
        }
        fn deserialize_identifier<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_str("x")
        }
        fn deserialize_ignored_any<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
            v.visit_unit()
        }
    }

    /// The fullest value of `T`, and what was seen building it.
    fn fullest<T: for<'de> Deserialize<'de>>(seen: &RefCell<Seen>) -> T {
        T::deserialize(Full { seen, depth: 0 }).unwrap()
    }

    // ---- The TypeScript side ----------------------------------------------------------------

    #[derive(Debug)]
    struct Field {
        optional: bool,
        ty: String,
    }

    #[derive(Default, Debug)]
    struct Ts {
        interfaces: BTreeMap<String, BTreeMap<String, Field>>,
        unions: BTreeMap<String, BTreeSet<String>>,
    }

    /// Reads `export interface` and string-union `export type` declarations (the format of
    /// src/wasm/types.d.ts: one field per line; comments between union members).
    fn parse_ts(src: &str) -> Ts {
        let mut ts = Ts::default();
        // Drop comments first.
        let mut clean = String::new();
        let mut rest = src;
        while let Some(i) = rest.find("/*") {
            clean.push_str(&rest[..i]);
            rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
        }
        clean.push_str(rest);
        let clean: String = clean
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        let mut current: Option<String> = None;
        let mut union: Option<(String, String)> = None;
        for line in clean.lines().map(str::trim) {
            if let Some((name, body)) = union.as_mut() {
                body.push_str(line);
                if line.ends_with(';') {
                    ts.unions.insert(name.clone(), literals(body));
                    union = None;
                }
                continue;
            }
            if let Some(rest) = line.strip_prefix("export interface ") {
                let name = rest.split([' ', '{']).next().unwrap().to_string();
                ts.interfaces.insert(name.clone(), BTreeMap::new());
                current = Some(name);
            } else if let Some(rest) = line.strip_prefix("export type ") {
                let (name, body) = rest.split_once('=').unwrap();
                let (name, body) = (name.trim().to_string(), body.trim().to_string());
                if body.ends_with(';') {
                    ts.unions.insert(name, literals(&body));
                } else {
                    union = Some((name, body));
                }
            } else if line == "}" {
                current = None;
            } else if let (Some(iface), Some((name, ty))) = (&current, line.split_once(':')) {
                let optional = name.ends_with('?');
                let name = name.trim_end_matches('?').to_string();
                let ty = ty.trim().trim_end_matches(';').to_string();
                ts.interfaces
                    .get_mut(iface)
                    .unwrap()
                    .insert(name, Field { optional, ty });
            }
        }
        ts
    }

    /// The string literals of a union type's body.
    fn literals(body: &str) -> BTreeSet<String> {
        body.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    /// The named type a field's TypeScript type refers to (`Speaker | null` → `Speaker`,
    /// `Mention[]` → `Mention`), if it is one name.
    fn type_name(ty: &str) -> &str {
        ty.trim_end_matches(" | null").trim_end_matches("[]")
    }

    fn check_value(ts: &Ts, iface: &str, v: &Value, path: &str, errors: &mut Vec<String>) {
        let Some(fields) = ts.interfaces.get(iface) else {
            errors.push(format!("{path}: no TypeScript interface {iface}"));
            return;
        };
        let Value::Object(o) = v else {
            errors.push(format!("{path}: {iface} is not an object"));
            return;
        };
        for k in o.keys() {
            if !fields.contains_key(k) {
                errors.push(format!(
                    "{path}.{k}: serialized but not declared in {iface}"
                ));
            }
        }
        for (k, f) in fields {
            let Some(x) = o.get(k) else {
                if !f.optional {
                    errors.push(format!(
                        "{path}.{k}: declared required in {iface}, never serialized"
                    ));
                }
                continue;
            };
            let name = type_name(&f.ty);
            let items: Vec<&Value> = match x {
                Value::Array(a) if f.ty.ends_with("[]") => a.iter().collect(),
                x => vec![x],
            };
            for item in items {
                if ts.interfaces.contains_key(name) {
                    check_value(ts, name, item, &format!("{path}.{k}"), errors);
                } else if let Some(lits) = ts.unions.get(name) {
                    match item.as_str() {
                        Some(s) if lits.contains(s) => {}
                        _ => errors.push(format!("{path}.{k}: {item} is not a {name}")),
                    }
                }
            }
        }
    }

    #[test]
    fn typescript_types_match_the_report() {
        let ts = parse_ts(TYPES);
        assert!(ts.interfaces.len() > 15 && ts.unions.len() > 5, "{ts:?}");
        let seen = RefCell::new(Seen::default());
        let article: newsclean::Article = fullest(&seen);
        let options: newsclean::Options = fullest(&seen);
        let mut errors = Vec::new();
        check_value(
            &ts,
            "Article",
            &serde_json::to_value(&article).unwrap(),
            "Article",
            &mut errors,
        );
        check_value(
            &ts,
            "Options",
            &serde_json::to_value(&options).unwrap(),
            "Options",
            &mut errors,
        );
        let seen = seen.into_inner();
        for s in &seen.structs {
            if !ts.interfaces.contains_key(*s) {
                errors.push(format!("Rust struct {s} has no TypeScript interface {s}"));
            }
        }
        for (name, variants) in &seen.enums {
            let want: BTreeSet<String> = variants.iter().map(|v| v.to_string()).collect();
            match ts.unions.get(*name) {
                Some(lits) if *lits == want => {}
                Some(lits) => {
                    errors.push(format!("{name}: Rust has {want:?}, TypeScript {lits:?}"))
                }
                None => errors.push(format!("Rust enum {name} has no TypeScript type {name}")),
            }
        }
        assert!(
            errors.is_empty(),
            "src/wasm/types.d.ts is out of date:\n  {}",
            errors.join("\n  ")
        );
        // Every option is optional in TypeScript.
        assert!(ts.interfaces["Options"].values().all(|f| f.optional));
    }
}
