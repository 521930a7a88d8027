# followup
