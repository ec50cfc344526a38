//! The source documents the reference data cites (the `documents` map of
//! `seed-data/stewardship.json`), and the sources made from citing them.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::SeedError;
use crate::provenance::Source;

#[derive(Deserialize)]
struct Document {
    title: String,
    publisher: String,
    published_on: Option<NaiveDate>,
}

/// The documents, by key (`000` to `004`).
#[derive(Deserialize)]
pub struct Documents {
    documents: HashMap<String, Document>,
}

/// A `sources` entry of a seed file: a sentence of a document, or a published page.
#[derive(Deserialize)]
pub struct Cite {
    pub document: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub excerpt: Option<String>,
}

impl Documents {
    /// The documents of `stewardship.json`.
    pub fn load() -> Result<Documents, SeedError> {
        serde_json::from_str(include_str!("../../seed-data/stewardship.json"))
            .map_err(|e| SeedError::Data(format!("stewardship.json: {e}")))
    }

    /// The source of `excerpt` in the document `key`.
    pub fn cite(&self, key: &str, excerpt: &str) -> Result<Source, SeedError> {
        let doc = self
            .documents
            .get(key)
            .ok_or_else(|| SeedError::Data(format!("stewardship.json names no document {key}")))?;
        Ok(Source {
            url: None,
            title: Some(doc.title.clone()),
            publisher: Some(doc.publisher.clone()),
            published_on: doc.published_on,
            accessed_on: None,
            excerpt: Some(excerpt.to_owned()),
        })
    }

    /// The source a seed file's entry names.
    pub fn source(&self, c: &Cite) -> Result<Source, SeedError> {
        match &c.document {
            Some(key) => {
                let mut source = self.cite(key, c.excerpt.as_deref().unwrap_or_default())?;
                source.excerpt = c.excerpt.clone();
                Ok(source)
            }
            None => Ok(Source {
                url: c.url.clone(),
                title: c.title.clone(),
                publisher: None,
                published_on: None,
                accessed_on: None,
                excerpt: c.excerpt.clone(),
            }),
        }
    }
}
