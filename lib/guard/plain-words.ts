/**
 * English words so common in shop chat, and so plainly not swearing, that obscenity (check.ts) need not read
 * them: its cost grows with the length it reads, and on a long English message most of it is these. Each is
 * skipped only as a whole word, so a swear word spelled inside one, or with one, is still read.
 *
 * Made from the words of the training corpus (test/fixtures/guard-corpus.json, at least 3 letters, in at least 5
 * messages) that obscenity finds nothing in; test/unit/guard.test.ts checks that it still finds nothing in them.
 */
export const PLAIN_WORDS: ReadonlySet<string> = new Set(
  `
  about absolute absolutely accept account acne action add address after again agent aliexpress alipay all
  allergic already also amazing and annoying another answer any anyone anything anytime app apple apply approved
  are aren arrive arrived arrives ask asked asking asks authentication automatically available away baby back bad
  bag bags bank banned bargain basic batch battery because been before being best better between big bike bit
  black blacklisted blame blind block blocked blue bluetooth bot both bought box brain brainless brand brazil
  break broke broken bucks budget bulk bunch business but button buy buyer buying cable call came can cancel car
  card cards carefully carrier case cash certificate chance change changed charge chargeback charger chart chat
  cheap cheaper cheapest cheapskate check checked checking checkout choose chose christmas claim claims classic
  clearly close clown clowns cnm coat code coffee cold collagen color come company compensation complain
  complaining complaint complaints consumer contact copy cost cotton could country coupon courier course cover
  crack crap cream cures custom customer customers customs cute damage damaged damn date day days dead deal dear
  defamation defect definitely delay delayed delays delivered delivery description details did didn difference
  different direct directly discount dispute does doesn dollar dollars don done dont door dot double douyin down
  dress drop dropped dumb dumbass earlier easier else email ends english engraved engraving even ever every
  everyone everything everywhere exact exactly exchange expect expectations expecting expensive expose extra
  facebook factory fade fake family fast faster fault fee feedback fees file filing find fine first fit fits five
  fix fixed follow for forever forgot fraud free friday friend friends from front fruit full garbage gave get gets
  gift give goes going gold good got great group guarantee guaranteed guy haha half handle happen happened happens
  happy has hasn have hear hell hello help helps here holder holy home honest honestly hours how iban idiot idiots
  ignoring inch included includes inside instagram instead instructions insurance invoice iphone isn issue issued
  item items its joke just keep kids kill killer kind klarna know last late lawyer learn leather leave leaving
  left legal less let liars life lifetime like line link list listing little live logistics logo lol long longer
  look lose loser lost lot love lower lucky lucy luxury lying made make manual manufacturer matter mattress max
  may maybe message messages method miracle missing mistake model monday money months more morning moron morons
  most moved much must name need never new next nmsl nobody normal not note nothing notifications now number off
  office once one ones online only open opened option order ordered ordering orders original other our ours out
  outside over own pack package packaging packed packs page paid pain pair parcel part party pass paste pathetic
  pay paying payment paypal pcs peanuts people per perfect perfection period personal phone photo photos picked
  piece pieces pink place platform please pls police policy post posting prefer premium pretending price prices
  printed privately pro probably problem product promise protection protein put quality question questions rain
  reach read real really receipt receive received red refund refunds regret relax replace replacement reply report
  reporting request resend responsibility responsible return returned returns review reviews right ring rolex
  rotten rude safe safety said sale same saturday save say says scam scammer scammers scan screen see sell seller
  selling sells send sending sent serial seriously serum service set shelf ship shipped shipping shoes shop should
  show shown shows shut side signed simple site size skin skip slow small smartwatch some someone sometimes
  somewhere son sorry sort sound spain star stars stfu still stock stop store strap stuck stuff stupid such sue
  supplement support supports sure surprised switch system take takes talk taobao tax team telegram tell tent test
  text than thank thanks that the their them then there these they thing think this three through thursday tiktok
  time times tmall tmd today tomorrow tonight too top totally tracking transfer trash trust try twice two typed
  ugh under understand union unless update updated upload use used useless using usually vat venmo version very
  via video wait wallet want wanted wants warehouse warning warranty was wash washed wasting watch water
  waterproof way wear wechat week weeks weight weixin were western what whatever whats whatsapp when where which
  whining wholesale why will wire with within without won work works worn worries worry worth wow write wrong wtf
  year years yes yesterday yet you your yourself yuan zero zfb
`
    .trim()
    .split(/\s+/),
);
