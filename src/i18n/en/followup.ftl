# followup
followup-prognos-twice = `{ $assignment }` already has a forecast at { $first }
followup-prognos-parts-missing = the forecast of `{ $assignment }` lacks the parts { $missing }
followup-prognos-too-large = the forecast of `{ $assignment }` is too large for an exact number
followup-prognos-hint = give an assignment either on one row without `del` or with one row for each part
followup-what = the follow-up of `{ $assignment }` (budget, last year, forecast)
