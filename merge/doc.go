// Package merge decides which reports are the same real-world event and
// what the merged event says. It is pure: functions over [model.Event]
// values, no I/O, so that the store, tests and benchmarks share one rule.
//
// # Reports and events
//
// The extractor yields reports: one [model.Event] per coded sentence, each
// with one mention. [Cluster] groups reports into events; each mention of
// an event keeps its own report's coding (actors, code, date, place,
// figures), so that nothing a source said is lost when reports merge.
//
// # The rule
//
// Two reports are compatible ([Compatible]) when
//   - their actors agree at the actor-code level: equal codes ("RUSGOV" for
//     the Kremlin, Moscow and Putin alike), or the same country where one
//     side gives no role ("RUS" and "RUSMIL"); international bodies, which
//     all share the code IGO, must be the same body; a report without a
//     target only matches another without one;
//   - for symmetric acts (talks, deals, ceasefires, clashes; see
//     [Symmetric]) the pair may be given in either direction;
//   - their CAMEO codes are in one [Family]: the same root, or one of the
//     pairs 02/10, 03/05 and 18/19 that the guidelines let coders choose
//     between for one act;
//   - their dates meet at their precisions (a day inside a month, ranges
//     that overlap); two days of a material act (QuadClass 2 or 4) may
//     differ by [Rule.DayTolerance] when the articles were published on
//     different days, since one outlet's "late on Thursday" is another's
//     Friday; statements, and two days within one article, are exact;
//   - their places are equal (case-folded) or one names none; for talks
//     and deals between two parties (symmetric codes of QuadClass 1) the
//     place is left out, since one outlet names where a deal was sealed
//     ("at talks in Moscow") and another where it applies ("a ceasefire
//     in Idlib").
//
// # Clustering
//
// [Cluster] sorts reports into one canonical order (finest date first,
// then date, publication, article, offset) and puts each into the first
// event all of whose reports it is compatible with (complete linkage), or
// starts a new one. Complete linkage keeps fuzzy rules from chaining: a
// "September" report joins one September day, not every one of them.
// Because the order is canonical, the result depends only on the set of
// reports, never on the order they arrive in.
//
// # Identity
//
// An event's id is its anchor's own id ([model.Event.SetID]), the anchor
// being the report published first (ties: the report's key, article and
// offset); should two events of one run have anchors with one key (they
// differ in place), the later takes [EventID]. The same set of reports therefore always yields the same ids,
// and ingesting a later article never changes the id of an event it joins.
// An event changes id only when a report published earlier than its anchor
// joins it, or when two events become one; the store keeps the old ids as
// aliases.
//
// # Blame
//
// Outlets and parties lay one act at different doors: "Russian jets
// bombed the village" in one report, "Syrian aircraft bombed the village,
// though Moscow denied any part in it" in another. Such reports share no
// bucket, so after clustering [Rule.Cluster] joins events of coercion,
// assault, fighting or mass violence (roots 17 to 20) whose every pair of
// reports is compatible or differs only in the source, when all name one
// victim, one place and one day and a report of them attributes or
// contests responsibility ([ContestsBlame]: "denied", "blamed", "accused",
// "responsible"). Without such a word two perpetrators are two acts.
// Joining is first-fit in the canonical order, so the result still
// depends only on the set of reports. Such reports share their family and
// their victim's key ([Contestable]).
//
// # Disputes
//
// [Resolve] sets an event's date and location from its mentions and lists
// where they disagree: dates that share no day, figures of one kind from
// different sources that cannot both be true, and who did it (kind
// "blame": sources that are not one actor at the code level, laying one
// act on one victim). Every version is kept with its sources; the event
// date then spans all versions, and the event's own source is its first
// report's, one version among the others.
package merge
