"""The law and guidance the tax rules apply, cited by catalogue reference.

Every citation the tax engine makes goes through ``_cite`` with a reference of the form
``"document"`` or ``"document#passage"``: a key of the library's catalogue of sources
(``participatory.core.sources``), where each document is entered once with the passages
that were read in it. Keeping every citation behind this one function means a change in
how findings cite touches one place.

A citation is verified only when the document is a primary source (legislation, HMRC's or
another department's own publication) and the passage was read in it; an accountant's or
payroll provider's page is cited as it is, unverified.

>>> citation = _cite("ss_c_regs_2001#reg4")
>>> citation.source.title
'The Social Security (Contributions) Regulations 2001'
>>> citation.short, citation.verified
('SS(C)R 2001 reg. 4(a)', True)
>>> _cite("sage_kb_scottish_codes#br_pence").verified
False
"""

from __future__ import annotations

from participatory.core.sources import Citation, cite

__all__: list[str] = []


def _cite(reference: str) -> Citation:
    """The catalogue citation of ``reference`` (``"document"`` or ``"document#passage"``).

    An unknown reference raises :class:`~participatory.core.errors.UnknownSource`: a
    mistake in the library, never a silent gap in a finding. (``cite`` caches.)
    """
    return cite(reference)
