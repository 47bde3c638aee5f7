"""The validation rules: the identities of TEMPLATES.md §6, one small function each.

Every rule is registered in :data:`RULES` with its id, the severity of a
failure, a formula, where the rule comes from and when it cannot be assessed;
the documentation's rule reference is generated from that registry.

Three principles shape every rule:

* **A blank is not a zero.**  A check that needs a blank cell reports an
  ``INFO`` finding ``"<id>-blank"`` naming the blank, never a failure computed
  as if the blank were 0 (unless the caller asks ``blank_as_zero=True``).
  Counts are never negative, though, so when the printed cells *already*
  exceed a printed total, whatever the blanks hold, that is still a failure.
* **Say exactly what is wrong, where, by how much.**  A :class:`Finding`
  names the cells involved by their official labels, with their values and
  source positions, the expected and actual values and the difference.
* **Never rewrite the report.**  Rules read the report; a diagnosis such as
  "the digits were probably split" is said, not applied.

Finding codes start with the identity's id from TEMPLATES.md (``A1``, for
the hierarchy, is ours: the spec gives that rule no id) and are stable across
versions.  A bare id (``H1``) is the failure itself; suffixes say more:

* ``-blank`` (``INFO``): not assessable because a cell it needs is blank;
* ``-column`` (``WARNING``, H1/H2): the diagnosis "a request was probably
  counted in the wrong applicant column";
* ``H6-template`` / ``H6-section`` (``INFO``), ``H6-table`` / ``H6-rows``
  (``ERROR``): which part of the template is missing;
* ``S1-requests`` / ``S1-review``: which narrative number disagrees;
* ``A1-missing``, ``X1-ambiguous`` (``INFO``): a child report is missing; two
  reports claim the year before.
"""
