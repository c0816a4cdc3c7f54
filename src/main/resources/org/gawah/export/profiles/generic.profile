# Anyone the witness agreed the record may be published to: the most cautious profile.
name = generic
version = 1
recipient = Unspecified recipient
consent = publication
withhold = interview.place, witness.vulnerability, witness.referrals_offered, witness.earlier_interviews, source.note, documenter_notes
analyst_notes = no
