//! Union-find over verified pairs (clusters of near-duplicate articles) and
//! average linkage over a similarity graph (stories, events).

use std::collections::HashMap;

/// Disjoint sets with path halving and union by size.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    /// `n` singletons.
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// The representative of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`.
    pub fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }

    /// The sets with two or more members, each sorted, ordered by their first member.
    pub fn groups(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for i in 0..n {
            let r = self.find(i);
            by_root.entry(r).or_default().push(i);
        }
        let mut out: Vec<Vec<usize>> = by_root.into_values().filter(|g| g.len() > 1).collect();
        out.sort();
        out
    }
}

/// Average-linkage clustering over a sparse similarity graph.
///
/// Starting from the groups already in `uf` (near-duplicate clusters),
/// the two groups with the highest average similarity over all their
/// cross pairs are merged, as long as that average is at least
/// `threshold`. Pairs whose dates lie more than `window` days apart are left
/// out of the average: the window says nothing about similarity, and two
/// dated groups with no pair inside it never merge. Other pairs without an
/// edge count as 0, so a chain of
/// articles each close to the next never merges ends that have nothing in
/// common. A negative similarity (a pair known to be apart) weighs against
/// the merge. Ties
/// are broken by group ids, so the result does not depend on thread count.
pub fn average_linkage(
    uf: &mut UnionFind,
    edges: &[(u32, u32, f64)],
    days: &[Option<i64>],
    window: i64,
    threshold: f64,
) {
    use std::cmp::Ordering;
    use std::collections::BinaryHeap;

    #[derive(PartialEq)]
    struct Entry(f64, usize, usize, u32, u32);
    impl Eq for Entry {}
    impl PartialOrd for Entry {
        fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for Entry {
        fn cmp(&self, o: &Self) -> Ordering {
            self.0
                .total_cmp(&o.0)
                .then_with(|| o.1.cmp(&self.1))
                .then_with(|| o.2.cmp(&self.2))
        }
    }

    let n = uf.len();
    let mut size = vec![0usize; n];
    for i in 0..n {
        size[uf.find(i)] += 1;
    }
    let mut version = vec![0u32; n];
    // Publication days of each group's dated members, sorted.
    let mut dated: Vec<Vec<i64>> = vec![Vec::new(); n];
    for (i, d) in days.iter().enumerate() {
        if let Some(d) = d {
            dated[uf.find(i)].push(*d);
        }
    }
    for d in &mut dated {
        d.sort_unstable();
    }
    // Cross pairs of two groups whose dates lie more than `window` apart: they
    // say nothing either way and are left out of the average.
    let apart = |x: &[i64], y: &[i64]| -> usize {
        x.iter()
            .map(|&d| {
                let lo = y.partition_point(|&e| e < d - window);
                let hi = y.partition_point(|&e| e <= d + window);
                y.len() - (hi - lo)
            })
            .sum()
    };
    // Summed similarity between groups, by root.
    let mut sums: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
    for &(i, j, s) in edges {
        let (a, b) = (uf.find(i as usize), uf.find(j as usize));
        if a != b {
            *sums[a].entry(b).or_default() += s;
            *sums[b].entry(a).or_default() += s;
        }
    }
    let mut heap = BinaryHeap::new();
    let push = |heap: &mut BinaryHeap<Entry>,
                a: usize,
                b: usize,
                sum: f64,
                size: &[usize],
                version: &[u32],
                dated: &[Vec<i64>]| {
        let (a, b) = (a.min(b), a.max(b));
        let pairs = size[a] * size[b] - apart(&dated[a], &dated[b]);
        if pairs == 0 {
            return;
        }
        let avg = sum / pairs as f64;
        if avg >= threshold {
            heap.push(Entry(avg, a, b, version[a], version[b]));
        }
    };
    for (a, row) in sums.iter().enumerate() {
        for (&b, &sum) in row {
            if a < b {
                push(&mut heap, a, b, sum, &size, &version, &dated);
            }
        }
    }
    while let Some(Entry(_, a, b, va, vb)) = heap.pop() {
        if version[a] != va || version[b] != vb {
            continue;
        }
        // Merge b into a.
        uf.union(a, b);
        let root = uf.find(a);
        let (keep, gone) = if root == a { (a, b) } else { (b, a) };
        size[keep] += size[gone];
        size[gone] = 0;
        let moved = std::mem::take(&mut dated[gone]);
        dated[keep].extend(moved);
        dated[keep].sort_unstable();
        version[keep] += 1;
        version[gone] += 1;
        let gone_sums = std::mem::take(&mut sums[gone]);
        for (other, s) in gone_sums {
            if other == keep {
                continue;
            }
            *sums[keep].entry(other).or_default() += s;
            let o = sums[other].remove(&gone).unwrap_or(0.0);
            *sums[other].entry(keep).or_default() += o;
        }
        sums[keep].remove(&gone);
        let mut neighbours: Vec<(usize, f64)> = sums[keep].iter().map(|(&o, &s)| (o, s)).collect();
        neighbours.sort_by_key(|x| x.0);
        for (other, s) in neighbours {
            push(&mut heap, keep, other, s, &size, &version, &dated);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitive_groups() {
        let mut uf = UnionFind::new(6);
        uf.union(0, 3);
        uf.union(3, 5);
        uf.union(1, 2);
        assert_eq!(uf.groups(), vec![vec![0, 3, 5], vec![1, 2]]);
    }
}
