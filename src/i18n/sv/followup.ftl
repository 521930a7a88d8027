# followup
followup-prognos-twice = `{ $assignment }` har redan en prognos i { $first }
followup-prognos-parts-missing = prognosen för `{ $assignment }` saknar delarna { $missing }
followup-prognos-too-large = prognosen för `{ $assignment }` är för stor för ett exakt tal
followup-prognos-hint = ange ett uppdrag antingen på en rad utan `del` eller med en rad för varje del
followup-what = uppföljningen av `{ $assignment }` (budget, föregående år, prognos)
