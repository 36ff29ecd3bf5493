use std::fmt;

/// Why a [`Pipeline`](crate::Pipeline) could not be built.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    Dates(dateline_dates::Error),
}

impl Error {
    pub(crate) fn dates(err: dateline_dates::Error) -> Error {
        Error { kind: ErrorKind::Dates(err) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Dates(_) => f.write_str("configuring the date extractor"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Dates(err) => Some(err),
        }
    }
}
