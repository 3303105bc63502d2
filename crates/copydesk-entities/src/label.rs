//! Entity labels.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Error;

/// An entity label. `PER`, `ORG`, `LOC`, `MISC` come from the statistical model (CoNLL-2003
/// scheme); `DATE`, `TIME`, `MONEY`, `PERCENT` from rules. Serialized as the contract string.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation (company, team, party, agency...).
    #[serde(rename = "ORG")]
    Org,
    /// A location (country, city, region, geographic feature...).
    #[serde(rename = "LOC")]
    Loc,
    /// Other names: nationalities, events, works, products...
    #[serde(rename = "MISC")]
    Misc,
    /// A calendar date or day (`1 September`, `Monday`, `Sept. 1, 2017`).
    #[serde(rename = "DATE")]
    Date,
    /// A time of day (`3 p.m.`, `10:30 GMT`).
    #[serde(rename = "TIME")]
    Time,
    /// An amount of money (`$3.6 trillion`, `£50m`, `10 million euros`).
    #[serde(rename = "MONEY")]
    Money,
    /// A percentage (`45 percent`, `1.5%`).
    #[serde(rename = "PERCENT")]
    Percent,
}

impl Label {
    /// All labels, model labels first.
    pub const ALL: [Label; 8] = [
        Label::Per,
        Label::Org,
        Label::Loc,
        Label::Misc,
        Label::Date,
        Label::Time,
        Label::Money,
        Label::Percent,
    ];

    /// The contract string: `"PER"`, `"ORG"`, `"LOC"`, `"MISC"`, `"DATE"`, `"TIME"`,
    /// `"MONEY"`, `"PERCENT"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
        }
    }

    /// Whether the label comes from the statistical model (`PER`, `ORG`, `LOC`, `MISC`)
    /// rather than from rules.
    pub fn is_model_label(self) -> bool {
        self.model_index().is_some()
    }

    /// Index among the model labels (`PER`=0, `ORG`=1, `LOC`=2, `MISC`=3), `None` for rule labels.
    pub fn model_index(self) -> Option<usize> {
        match self {
            Label::Per => Some(0),
            Label::Org => Some(1),
            Label::Loc => Some(2),
            Label::Misc => Some(3),
            _ => None,
        }
    }

    /// The model label with index `i` (0..4).
    pub(crate) fn from_model_index(i: usize) -> Label {
        [Label::Per, Label::Org, Label::Loc, Label::Misc][i.min(3)]
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Label {
    type Err = Error;

    /// Parses a contract string, case-insensitively; `PERSON`, `LOCATION`, `GPE` and
    /// `ORGANIZATION` are accepted as aliases.
    fn from_str(s: &str) -> Result<Self, Error> {
        let up = s.trim().to_ascii_uppercase();
        Ok(match up.as_str() {
            "PER" | "PERSON" => Label::Per,
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Label::Org,
            "LOC" | "LOCATION" | "GPE" => Label::Loc,
            "MISC" => Label::Misc,
            "DATE" => Label::Date,
            "TIME" => Label::Time,
            "MONEY" => Label::Money,
            "PERCENT" => Label::Percent,
            _ => return Err(Error::UnknownLabel(s.to_owned())),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for l in Label::ALL {
            assert_eq!(l.as_str().parse::<Label>().unwrap(), l);
            assert_eq!(l.to_string(), l.as_str());
        }
        assert_eq!("person".parse::<Label>().unwrap(), Label::Per);
        assert!("nope".parse::<Label>().is_err());
    }
}
