//! [`text_enum!`](crate::text_enum): a closed set of values stored as `TEXT` on both backends,
//! written and read by clients as the same strings, and parsed once where rows are read.

/// Declares an enum whose variants are stored as the given strings. The enum takes doc comments
/// only (they become its OpenAPI description); variants take any attributes.
///
/// The enum serialises to and from those strings, documents itself in OpenAPI as a string enum,
/// binds as diesel `Text` and reads back from a `Text` column (a stored value outside the set is
/// a deserialisation error, never a silent default). It gets `VALUES` (every string, in order,
/// for parameter checks and messages), `ALL`, `as_str`, `parse` and `Display`.
///
/// ```ignore
/// text_enum! {
///     /// Whether a network operates yet.
///     pub enum NetworkStatus {
///         Active = "active",
///         Planned = "planned",
///     }
/// }
/// ```
#[macro_export]
macro_rules! text_enum {
    (
        $(#[doc = $doc:literal])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $text:literal),+ $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            serde::Serialize,
            serde::Deserialize,
            diesel::AsExpression,
            diesel::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        $vis enum $name {
            $($(#[$variant_meta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every value, as stored and as clients write it.
            pub const VALUES: &'static [&'static str] = &[$($text),+];
            /// Every variant, in the order of [`Self::VALUES`].
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and written form.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The variant written as `text`, if any.
            pub fn parse(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        // By hand: the derive does not see a `serde(rename)` whose value comes from a macro
        // argument, and would list the variant names instead of the stored strings.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                let lines: &[&str] = &[$($doc),*];
                let description = lines
                    .iter()
                    .map(|line| line.strip_prefix(' ').unwrap_or(line))
                    .collect::<Vec<_>>()
                    .join("\n");
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description((!description.is_empty()).then_some(description))
                    .enum_values(Some($name::VALUES.iter().copied()))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, DB>>::to_sql(
                    self.as_str(),
                    out,
                )
            }
        }

        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<$name> {
                let text =
                    <String as diesel::deserialize::FromSql<diesel::sql_types::Text, DB>>::from_sql(
                        bytes,
                    )?;
                $name::parse(&text).ok_or_else(|| {
                    format!("`{text}` is not a {} value", stringify!($name)).into()
                })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use diesel::prelude::*;
    use diesel::sql_types::Text;

    use crate::db::DbConnection;

    crate::text_enum! {
        /// A test set.
        pub enum Shade {
            Light = "light",
            DarkGrey = "dark_grey",
        }
    }

    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        shade: Shade,
    }

    #[test]
    fn strings_round_trip() {
        assert_eq!(Shade::VALUES, &["light", "dark_grey"]);
        assert_eq!(Shade::ALL, &[Shade::Light, Shade::DarkGrey]);
        for shade in Shade::ALL {
            assert_eq!(Shade::parse(shade.as_str()), Some(*shade));
            assert_eq!(shade.to_string(), shade.as_str());
        }
        assert_eq!(Shade::parse("Light"), None);
        assert_eq!(
            serde_json::to_string(&Shade::DarkGrey).expect("json"),
            "\"dark_grey\""
        );
        let read: Shade = serde_json::from_str("\"light\"").expect("json");
        assert_eq!(read, Shade::Light);
    }

    #[test]
    fn binds_and_reads_as_text_through_the_shared_connection() {
        let mut conn = DbConnection::Sqlite(
            diesel::SqliteConnection::establish(":memory:").expect("in-memory SQLite"),
        );
        let row: Row = diesel::sql_query("SELECT ? AS shade")
            .bind::<Text, _>(Shade::DarkGrey)
            .get_result(&mut conn)
            .expect("round trip");
        assert_eq!(row.shade, Shade::DarkGrey);
        let unknown = diesel::sql_query("SELECT 'purple' AS shade").get_result::<Row>(&mut conn);
        assert!(unknown.is_err(), "a value outside the set is an error");
    }
}
