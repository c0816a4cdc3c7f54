# A national prosecutor or court (universal jurisdiction). Details that could point to the
# witness stay out unless identities may be shared.
name = national
version = 1
recipient = National prosecuting authority
consent = national_court
withhold = interview.place, witness.vulnerability, witness.referrals_offered, witness.earlier_interviews
analyst_notes = no
