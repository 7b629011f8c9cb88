"""Peers: independent models the library checks its answers against.

Nothing here is imported by ``import participatory``, and no peer is a dependency of the
library. Each peer module imports its model lazily, inside the functions that need it, and
says how to install it when it is missing (``pip install participatory[peers]``).

- :mod:`participatory.peers.households`: a household claiming Universal Credit, described
  simply enough for the library and any peer to take.
- :mod:`participatory.peers.policyengine`: Universal Credit for one assessment period from
  PolicyEngine-UK, the open-source UK tax-benefit model, for differential tests and the
  peer benchmark.

>>> from participatory.peers import policyengine
>>> policyengine.FeeKind.EMPLOYMENT.value
'employment'
"""
