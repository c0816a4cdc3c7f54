# International Criminal Court, Office of the Prosecutor (docs/format/evidence-package.md).
# The OTP receives what the witness consented to give the ICC; identities only with consent.
name = icc
version = 1
recipient = International Criminal Court, Office of the Prosecutor
consent = icc
withhold =
analyst_notes = no
