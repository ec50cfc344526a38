//! Where a streamed export writes: pieces of about [`PIECE`] bytes, each sent to the client as
//! soon as it fills, so memory stays flat however large the download. When the download is
//! kept (see [`super::kept`]), every piece is also compressed into the copy that is kept.

use std::io::{self, Write};

use actix_web::web::Bytes;
use flate2::write::GzEncoder;
use flate2::Compression;
use tokio::sync::mpsc::Sender;

/// Bytes per piece sent: small enough for the allocator to reuse (below its mmap threshold),
/// large enough that a piece is one socket write.
pub const PIECE: usize = 64 * 1024;

/// The channel a download's pieces go through, and what ends it early.
pub type Pieces = Sender<Result<Bytes, io::Error>>;

/// Compressed bytes gathered in pieces of [`PIECE`], so that a copy never reallocates (and
/// never holds an old and a new buffer at once) however large it grows.
#[derive(Default)]
struct Gathered {
    pieces: Vec<Bytes>,
    current: Vec<u8>,
    len: usize,
}

impl Gathered {
    /// The pieces, in order.
    fn into_pieces(mut self) -> Vec<Bytes> {
        if !self.current.is_empty() {
            // A kept piece is weighed by its length: give back the rest of its allocation.
            self.current.shrink_to_fit();
            self.pieces.push(Bytes::from(self.current));
        }
        self.pieces
    }
}

impl Write for Gathered {
    fn write(&mut self, mut data: &[u8]) -> io::Result<usize> {
        let written = data.len();
        while !data.is_empty() {
            if self.current.capacity() == 0 {
                self.current = Vec::with_capacity(PIECE);
            }
            let take = data.len().min(PIECE - self.current.len());
            self.current.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.current.len() == PIECE {
                self.pieces
                    .push(Bytes::from(std::mem::take(&mut self.current)));
            }
        }
        self.len += written;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The compressed copy of a download being made while it is sent.
pub struct Copy {
    encoder: GzEncoder<Gathered>,
    budget: usize,
    len: u64,
}

impl Copy {
    /// A copy that is given up once its compressed size passes `budget` bytes.
    pub fn new(budget: usize) -> Copy {
        Copy {
            encoder: GzEncoder::new(Gathered::default(), Compression::fast()),
            budget,
            len: 0,
        }
    }

    /// Adds `piece`; false when the copy has grown past its budget (and should be dropped).
    fn add(&mut self, piece: &[u8]) -> bool {
        self.len += piece.len() as u64;
        self.encoder.write_all(piece).is_ok() && self.encoder.get_ref().len <= self.budget
    }

    /// The gzip member, in pieces, and the length of what it holds.
    fn finish(self) -> Option<(Vec<Bytes>, u64)> {
        let len = self.len;
        self.encoder.finish().ok().map(|gz| (gz.into_pieces(), len))
    }
}

/// The writer an export writes into.
pub struct Sink {
    tx: Pieces,
    buf: Vec<u8>,
    copy: Option<Copy>,
    gone: bool,
}

impl Sink {
    /// Writes into `tx`, making `copy` on the way when there is one.
    pub fn new(tx: Pieces, copy: Option<Copy>) -> Sink {
        Sink {
            tx,
            buf: Vec::with_capacity(PIECE + PIECE / 8),
            copy,
            gone: false,
        }
    }

    /// True once the client has gone away (nothing more can be sent).
    pub fn gone(&self) -> bool {
        self.gone
    }

    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let piece = std::mem::replace(&mut self.buf, Vec::with_capacity(PIECE + PIECE / 8));
        if let Some(copy) = &mut self.copy {
            if !copy.add(&piece) {
                self.copy = None;
            }
        }
        if self.tx.blocking_send(Ok(Bytes::from(piece))).is_err() {
            self.gone = true;
            return Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the client went away",
            ));
        }
        Ok(())
    }

    /// Sends what is left and hands the compressed copy (in pieces, and its uncompressed
    /// length), when one was made to the end, to `keep`. The download ends only after `keep`
    /// has run, so a client that asks again as soon as it has the last byte finds the copy
    /// kept.
    pub fn finish(mut self, keep: impl FnOnce(Vec<Bytes>, u64)) -> io::Result<()> {
        self.send()?;
        if let Some((gzip, len)) = self.copy.take().and_then(Copy::finish) {
            keep(gzip, len);
        }
        Ok(())
    }

    /// Ends the download with an error, so the client sees it cut rather than complete.
    pub fn fail(self, message: String) {
        let _ = self.tx.blocking_send(Err(io::Error::other(message)));
    }
}

impl Write for Sink {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.gone {
            return Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the client went away",
            ));
        }
        self.buf.extend_from_slice(data);
        if self.buf.len() >= PIECE {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
