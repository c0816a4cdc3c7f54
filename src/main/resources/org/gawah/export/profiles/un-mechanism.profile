# A UN independent investigative mechanism (Afghanistan, IIIM, IIMM).
name = un-mechanism
version = 1
recipient = United Nations independent investigative mechanism
consent = un_mechanism
withhold =
analyst_notes = no
