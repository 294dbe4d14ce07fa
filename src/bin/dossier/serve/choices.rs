//! Facet counts for a page of choices: values of one dimension are
//! alternatives (`country=TR&country=SY` is either, as `--country` twice
//! is), so a dimension with values chosen is counted without its own
//! filter. A value's count is then what clicking it adds beside the other
//! dimensions' filters, not how often it meets the values already chosen.

use dossier::{Dimension, FacetCount, Filters, IndexHandle, facets};

/// `counts` (of the query under every filter) with each dimension that has
/// values chosen counted again without them.
pub(crate) fn counted_as_alternatives(
    handle: &IndexHandle,
    query: &str,
    filters: &Filters,
    mut counts: Vec<FacetCount>,
) -> anyhow::Result<Vec<FacetCount>> {
    for dim in Dimension::COUNTED {
        let Some(loose) = without(filters, dim) else {
            continue;
        };
        let theirs = facets(handle, query, &loose, usize::MAX)?;
        counts.retain(|c| c.dim != dim);
        counts.extend(theirs.into_iter().filter(|c| c.dim == dim));
    }
    // Dimensions in their usual order, each keeping its own (a stable sort).
    let rank = |d: Dimension| Dimension::COUNTED.iter().position(|&c| c == d);
    counts.sort_by_key(|c| rank(c.dim));
    Ok(counts)
}

/// The filters without those of `dim`, or `None` when it has none.
fn without(filters: &Filters, dim: Dimension) -> Option<Filters> {
    let mut loose = filters.clone();
    match dim {
        Dimension::Kind => loose.kinds.clear(),
        Dimension::Doc => loose.docs.clear(),
        Dimension::Country => loose.countries.clear(),
        Dimension::Group => loose.groups.clear(),
        Dimension::Place => loose.places.clear(),
        Dimension::Person => loose.persons.clear(),
        Dimension::Year => loose.dates.clear(),
        Dimension::Cites => loose.cites.clear(),
        Dimension::Affiliate => {}
    }
    (loose != *filters).then_some(loose)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_dimension_with_choices_is_loosened() {
        let mut filters = Filters {
            countries: vec!["TR".into(), "SY".into()],
            groups: vec!["ISIS".into()],
            ..Filters::default()
        };
        let loose = without(&filters, Dimension::Country).expect("countries chosen");
        assert!(loose.countries.is_empty());
        assert_eq!(loose.groups, ["ISIS"]);
        assert!(without(&filters, Dimension::Place).is_none());
        filters.groups.clear();
        assert!(without(&filters, Dimension::Group).is_none());
    }
}
