//! The CSV cells of a row, taken straight from the row's `Serialize` implementation.
//!
//! A column is a dotted path into the row (`name.en`). A field whose path is a column becomes
//! that column's cell: `null` empty, text as is, numbers and booleans as JSON writes them,
//! lists and objects as JSON. A field whose path only leads to columns (`name`) is walked into;
//! every other field is skipped without being serialised. Only the leaves are turned into JSON
//! values, so a row costs a few small allocations instead of a whole JSON tree.

use serde::ser::{self, Serialize, SerializeMap, SerializeStruct};

/// Why a row could not be turned into cells.
#[derive(Debug)]
pub struct CellError(String);

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CellError {}

impl ser::Error for CellError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        CellError(msg.to_string())
    }
}

/// Fills `cells` (one per column, emptied first; their buffers are kept from row to row) from
/// `row`.
pub fn fill<T: Serialize + ?Sized>(
    row: &T,
    columns: &[&str],
    cells: &mut Vec<Vec<u8>>,
) -> Result<(), CellError> {
    cells.resize_with(columns.len(), Vec::new);
    for cell in cells.iter_mut() {
        cell.clear();
    }
    row.serialize(Walker {
        columns,
        cells,
        prefix: String::new(),
    })
}

/// Writes the cell text of a leaf value into `cell`: scalars directly, lists and objects as
/// JSON.
fn write_leaf<T: Serialize + ?Sized>(value: &T, cell: &mut Vec<u8>) -> Result<(), CellError> {
    if value.serialize(ScalarText(cell)).is_err() {
        cell.clear();
        serde_json::to_writer(&mut *cell, value).map_err(|e| CellError(e.to_string()))?;
    }
    Ok(())
}

/// Whether `column` is the path `prefix.key` (or `key` at the top).
fn is_path(column: &str, prefix: &str, key: &str) -> bool {
    if prefix.is_empty() {
        return column == key;
    }
    column.len() == prefix.len() + 1 + key.len()
        && column.starts_with(prefix)
        && column.as_bytes()[prefix.len()] == b'.'
        && column.ends_with(key)
}

/// Whether `column` lies below the path `prefix.key`.
fn is_below(column: &str, prefix: &str, key: &str) -> bool {
    let rest = if prefix.is_empty() {
        Some(column)
    } else {
        column
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('.'))
    };
    rest.and_then(|r| r.strip_prefix(key))
        .is_some_and(|r| r.starts_with('.'))
}

/// Walks the fields of a struct or map at `prefix`.
struct Walker<'c, 'v> {
    columns: &'c [&'c str],
    cells: &'v mut Vec<Vec<u8>>,
    prefix: String,
}

impl Walker<'_, '_> {
    /// Serialises one field at `key`: into its column, deeper, or not at all.
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), CellError> {
        let prefix = self.prefix.as_str();
        if let Some(i) = self.columns.iter().position(|c| is_path(c, prefix, key)) {
            return write_leaf(value, &mut self.cells[i]);
        }
        if self.columns.iter().any(|c| is_below(c, prefix, key)) {
            let path = if prefix.is_empty() {
                key.to_owned()
            } else {
                format!("{prefix}.{key}")
            };
            value.serialize(Walker {
                columns: self.columns,
                cells: self.cells,
                prefix: path,
            })?;
        }
        Ok(())
    }
}

/// A value that is not a scalar (a list, an object, an enum with data).
#[derive(Debug)]
struct NotScalar;

impl std::fmt::Display for NotScalar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a scalar")
    }
}

impl std::error::Error for NotScalar {}

impl ser::Error for NotScalar {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NotScalar
    }
}

/// Writes scalars as the text of a cell (and of a map key) into its buffer: text as is, `null`
/// empty, numbers and booleans as JSON writes them; anything else is [`NotScalar`], with
/// nothing written.
struct ScalarText<'b>(&'b mut Vec<u8>);

impl ser::Serializer for ScalarText<'_> {
    type Ok = ();
    type Error = NotScalar;
    type SerializeSeq = ser::Impossible<(), NotScalar>;
    type SerializeTuple = ser::Impossible<(), NotScalar>;
    type SerializeTupleStruct = ser::Impossible<(), NotScalar>;
    type SerializeTupleVariant = ser::Impossible<(), NotScalar>;
    type SerializeMap = ser::Impossible<(), NotScalar>;
    type SerializeStruct = ser::Impossible<(), NotScalar>;
    type SerializeStructVariant = ser::Impossible<(), NotScalar>;

    fn serialize_str(self, v: &str) -> Result<(), NotScalar> {
        self.0.extend_from_slice(v.as_bytes());
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), NotScalar> {
        self.0.extend_from_slice(variant.as_bytes());
        Ok(())
    }
    fn serialize_bool(self, v: bool) -> Result<(), NotScalar> {
        self.0.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), NotScalar> {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), NotScalar> {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), NotScalar> {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), NotScalar> {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), NotScalar> {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), NotScalar> {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), NotScalar> {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), NotScalar> {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), NotScalar> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), NotScalar> {
        // JSON's spelling (`19.0`, `1e-7`); non-finite numbers are `null` in JSON.
        if v.is_finite() {
            serde_json::to_writer(&mut *self.0, &v).map_err(|_| NotScalar)?;
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), NotScalar> {
        self.0
            .extend_from_slice(v.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), NotScalar> {
        Err(NotScalar)
    }
    fn serialize_none(self) -> Result<(), NotScalar> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), NotScalar> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), NotScalar> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), NotScalar> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), NotScalar> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotScalar> {
        Err(NotScalar)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotScalar> {
        Err(NotScalar)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotScalar> {
        Err(NotScalar)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotScalar> {
        Err(NotScalar)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotScalar> {
        Err(NotScalar)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotScalar> {
        Err(NotScalar)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotScalar> {
        Err(NotScalar)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotScalar> {
        Err(NotScalar)
    }
}

/// The open map of a [`Walker`]: its next key, once known.
struct MapWalker<'c, 'v> {
    walker: Walker<'c, 'v>,
    key: Option<String>,
}

impl SerializeMap for MapWalker<'_, '_> {
    type Ok = ();
    type Error = CellError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), CellError> {
        let mut text = Vec::new();
        key.serialize(ScalarText(&mut text))
            .map_err(|_| CellError("a map key that is not text".to_owned()))?;
        self.key = Some(
            String::from_utf8(text).map_err(|_| CellError("a map key that is not UTF-8".into()))?,
        );
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CellError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| CellError("a map value without a key".to_owned()))?;
        self.walker.field(&key, value)
    }
    fn end(self) -> Result<(), CellError> {
        Ok(())
    }
}

impl SerializeStruct for Walker<'_, '_> {
    type Ok = ();
    type Error = CellError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), CellError> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), CellError> {
        Ok(())
    }
}

/// Values at a path that leads to columns but is not an object (a `null` description, say)
/// leave those columns empty.
impl<'c, 'v> ser::Serializer for Walker<'c, 'v> {
    type Ok = ();
    type Error = CellError;
    type SerializeSeq = ser::Impossible<(), CellError>;
    type SerializeTuple = ser::Impossible<(), CellError>;
    type SerializeTupleStruct = ser::Impossible<(), CellError>;
    type SerializeTupleVariant = ser::Impossible<(), CellError>;
    type SerializeMap = MapWalker<'c, 'v>;
    type SerializeStruct = Self;
    type SerializeStructVariant = ser::Impossible<(), CellError>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, CellError> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<MapWalker<'c, 'v>, CellError> {
        Ok(MapWalker {
            walker: self,
            key: None,
        })
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), CellError> {
        v.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), CellError> {
        v.serialize(self)
    }
    fn serialize_none(self) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_unit(self) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_bool(self, _: bool) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, CellError> {
        Err(CellError(
            "a list where columns expect an object".to_owned(),
        ))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, CellError> {
        Err(CellError(
            "a tuple where columns expect an object".to_owned(),
        ))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, CellError> {
        Err(CellError(
            "a tuple where columns expect an object".to_owned(),
        ))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, CellError> {
        Err(CellError(
            "a tuple where columns expect an object".to_owned(),
        ))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, CellError> {
        Err(CellError(
            "an enum with data where columns expect an object".to_owned(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Name {
        en: String,
        th: Option<String>,
    }

    #[derive(Serialize)]
    struct Row {
        slug: &'static str,
        name: Name,
        description: Option<Name>,
        lat: f64,
        population: Option<i64>,
        memberships: Vec<u8>,
        flags: BTreeMap<&'static str, bool>,
        hidden: &'static str,
    }

    #[test]
    fn cells_follow_the_column_paths() {
        let row = Row {
            slug: "phayao",
            name: Name {
                en: "Phayao".into(),
                th: Some("พะเยา".into()),
            },
            description: None,
            lat: 19.1,
            population: None,
            memberships: vec![1, 2],
            flags: BTreeMap::from([("asean", true)]),
            hidden: "never read",
        };
        let columns = [
            "slug",
            "name.en",
            "name.th",
            "description.en",
            "lat",
            "population",
            "memberships",
            "flags.asean",
            "missing",
        ];
        let mut cells = vec![b"stale".to_vec()];
        fill(&row, &columns, &mut cells).unwrap_or_default();
        let texts: Vec<&str> = cells
            .iter()
            .map(|c| std::str::from_utf8(c).unwrap_or("not UTF-8"))
            .collect();
        assert_eq!(
            texts,
            [
                "phayao",
                "Phayao",
                "พะเยา",
                "",
                "19.1",
                "",
                "[1,2]",
                "true",
                ""
            ]
        );
        // A second row into the same buffers: nothing of the first is left.
        let other = Row {
            slug: "nan",
            population: Some(80_000),
            memberships: vec![],
            ..row
        };
        fill(&other, &columns, &mut cells).unwrap_or_default();
        assert_eq!(cells[0], b"nan");
        assert_eq!(cells[5], b"80000");
        assert_eq!(cells[6], b"[]");
        assert_eq!(cells[2], "พะเยา".as_bytes());
    }
}
