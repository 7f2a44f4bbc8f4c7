//! Table-driven cases, English. See `tests/common/mod.rs` for the format.
mod common;

#[test]
fn en_counts_and_qualifiers() {
    common::run_cases(&[
        "en | Russia has deployed at least 100,000 troops near Ukraine. | count [100000,inf) q=at_least c=troops",
        "en | Russia has deployed 100,000 troops. | count [100000,100000] c=troops",
        // the period of a frequency is no span of time
        "en | He takes the pill three times a day. | !duration",
        "en | The trip took a day. | duration [86400,86400]",
        "en | Six people were killed, including the suspect, and four people were injured. | count [4,4] c=injured",
        // the singular of a counted noun the lexicon does not know
        "en | Two juries heard the case. | count [2,2] n=jury",
        "en | There are 1,009 species listed. | count [1009,1009] n=species",
        "en | He completed 28 passes. | count [28,28] n=pass",
        // a past participle after a number counts nothing; before a noun it is an adjective
        "en | 2 confirmed dead in Lolo shooting. | count [2,2] c=deaths",
        "en | Two loaded guns were found. | count [2,2] n=gun",
        "en | The engine makes 300 horsepower. | measure [223709.96147468107,223709.96147468107] u=W",
        "en | The fighting has killed more than 14,000 people. | count (14000,inf) c=deaths",
        "en | More than 120 private military contractors operate there. | count (120,inf) c=contractors",
        "en | Envoys from 57 members attended. | count [57,57] c=members",
        // `times` after a number counts occurrences, unless a multiple follows
        "en | He was stopped 3 times at the border. | count [3,3] n=times",
        "en | Prices rose 3 times more than wages. | number [3,3]",
        "en | The index was 4 times higher. | number [4,4]",
        "en | 30 ambassadors signed the letter. | count [30,30] c=ambassadors",
        "en | At least 8 people were killed. | count [8,inf) c=deaths",
        "en | 12 people were injured in the blast. | count [12,12] c=injured",
        "en | Some 200 residents were evacuated. | count [200,200] ~ q=approx",
        "en | About 40 buildings collapsed. | count [40,40] ~ c=buildings",
        "en | Around 300 houses were flooded. | count [300,300] ~ c=houses",
        "en | Roughly 50 soldiers were wounded. | count [50,50] ~",
        "en | Approximately 70 students attended. | count [70,70] ~ c=students",
        "en | Nearly 100 people were trapped. | count [90,100) q=nearly",
        "en | Almost 1,000 flights were cancelled. | count [900,1000) q=nearly c=flights",
        "en | Fewer than 50 patients remain. | count [0,50) q=less_than c=patients",
        "en | Less than 20 cases were reported. | count [0,20) q=less_than c=cases",
        "en | Under 30 vehicles were damaged. | count [0,30) q=less_than c=vehicles",
        "en | Up to 500 refugees arrived. | count [0,500] q=at_most c=refugees",
        "en | As many as 600 workers lost jobs. | count [0,600] q=at_most c=workers",
        "en | Over 2,000 children were vaccinated. | count (2000,inf) q=more_than c=children",
        "en | Between 10 and 15 people died. | count [10,15] q=range c=deaths",
        "en | 10 to 15 people died. | count [10,15] q=range",
        "en | 10-15 villages were hit. | count [10,15] q=range c=villages",
        "en | Dozens of people were hurt. | count [24,99] q=vague",
        "en | Hundreds of soldiers were sent. | count [100,999] q=vague c=troops",
        "en | Thousands of residents fled. | count [1000,9999] q=vague c=people",
        "en | Tens of thousands of troops massed. | count [10000,99999] q=vague c=troops",
        "en | Hundreds of thousands of people marched. | count [100000,999999] q=vague",
        "en | Millions of people watched. | count [1000000,9999999] q=vague",
        "en | Twenty-three thousand people came. | count [23000,23000]",
        "en | A dozen ships sailed. | count [12,12] c=ships",
        "en | A hundred soldiers marched. | count [100,100] c=troops",
        "en | Two hundred and fifty people came. | count [250,250]",
        "en | Five soldiers were killed. | count [5,5] c=deaths n=soldier",
        "en | 2.5 million people voted. | count [2500000,2500000]",
        "en | 1.2 million doses arrived. | count [1200000,1200000] c=doses",
        "en | 30 NATO member ambassadors met. | count [30,30] c=ambassadors",
        "en | 100,000 Russian troops are near the border. | count [100000,100000] c=troops",
        "en | The company hired 300 employees. | count [300,300] c=employees",
        "en | Police arrested 45 suspects. | count [45,45] c=arrested n=suspect",
        "en | At least 5 aftershocks followed. | count [5,inf) c=aftershocks",
        "en | 17 patients died overnight. | count [17,17] c=deaths n=patient",
        "en | 3 civilians were wounded. | count [3,3] c=injured n=civilian",
    ]);
}

#[test]
fn en_numbers() {
    common::run_cases(&[
        "en | thirty three | number [33,33]",
        // a fraction takes the scale after it
        "en | It was half a million. | number [500000,500000]",
        "en | One and a half million people fled. | count [1500000,1500000]",
        "en | Half a dozen people were hurt. | count [6,6] c=injured",
        "en | Two and a half billion dollars. | money [2500000000,2500000000] u=USD",
        "en | one hundred thousand | number [100000,100000]",
        "en | 100K | number [100000,100000]",
        "en | 1.1 | number [1.1,1.1]",
        "en | .77 | number [0.77,0.77]",
        "en | 100,000.0 | number [100000,100000]",
        "en | -1200000 | number [-1200000,-1200000]",
        "en | minus 1,200,000 | number [-1200000,-1200000]",
        "en | -1.2M | number [-1200000,-1200000]",
        "en | three billions | number [3000000000,3000000000]",
        "en | twenty-one thousand eleven | number [21011,21011]",
        "en | two point two million | number [2200000,2200000]",
        "en | 1/5 | number [0.2,0.2]",
        "en | zero | number [0,0]",
        "en | a hundred and two | number [102,102]",
        "en | one sixth | number [0.16666666666667,0.16666666666667]",
        "en | two thirds | number [0.66666666666667,0.66666666666667]",
        "en | three halves | number [1.5,1.5]",
        "en | 5 thousand | number [5000,5000]",
        "en | three crore | number [30000000,30000000]",
        "en | 5 lakh | number [500000,500000]",
        "en | The answer is 42. | number [42,42]",
        "en | nineteen eighty four | number [1984,1984]",
        "en | seventeen | number [17,17]",
        "en | 1.2bn | number [1200000000,1200000000]",
    ]);
}

#[test]
fn en_money_durations_measures() {
    common::run_cases(&[
        "en | The deal is worth $4.5 million. | money [4500000,4500000] u=USD",
        "en | The deal is worth US$4.7 billion. | money [4700000000,4700000000] u=USD",
        "en | It cost $1.2bn to build. | money [1200000000,1200000000] u=USD",
        "en | It cost 20 dollars. | money [20,20] u=USD",
        "en | It cost 20 euros. | money [20,20] u=EUR",
        "en | It cost £2,000. | money [2000,2000] u=GBP",
        "en | It cost €50. | money [50,50] u=EUR",
        "en | I spent 20 million pounds on this. | money [20000000,20000000] u=GBP",
        "en | It cost $20 and 43c. | money [20.43,20.43] u=USD",
        "en | It costs between 10 and 20 dollars. | money [10,20] q=range u=USD",
        "en | It costs at least $1.42 now. | money [1.42,inf) u=USD",
        "en | It costs over 1.42 dollars now. | money (1.42,inf) u=USD",
        "en | ten cents | money [0.1,0.1] u=USD",
        "en | It costs 10 ILS. | money [10,10] u=ILS",
        "en | Prices rose 5 percent. | percent [5,5] u=%",
        "en | Prices rose 5 per cent. | percent [5,5] u=%",
        "en | Prices rose 5.5%. | percent [5.5,5.5] u=%",
        "en | More than 60% agreed. | percent (60,inf) u=%",
        "en | The talks lasted eight hours. | duration [28800,28800] u=s",
        "en | The talks lasted more than seven hours. | duration (25200,inf)",
        "en | after four hours of talks | duration [14400,14400]",
        "en | half an hour | duration [1800,1800]",
        "en | an hour and a half | duration [5400,5400]",
        "en | 1.5 hours | duration [5400,5400]",
        "en | 2 years and 3 months | duration [70956000,70956000]",
        "en | 15.5 minutes | duration [930,930]",
        "en | over the past 30 years | duration [946080000,946080000]",
        "en | three days | duration [259200,259200]",
        "en | a two-year maintenance period | duration [63072000,63072000]",
        "en | seven weeks | duration [4233600,4233600]",
        "en | The road is 5 km long. | measure [5000,5000] u=m",
        "en | The road is 3 miles long. | measure [4828.032,4828.032] u=m",
        "en | It weighs 10 kg. | measure [10,10] u=kg",
        "en | It weighs 25 lbs. | measure [11.33980925,11.33980925] u=kg",
        "en | It weighs 2 pounds. | measure [0.90718474,0.90718474] u=kg",
        "en | It is 6 feet tall. | measure [1.8288,1.8288] u=m",
        "en | A 12 inch screen. | measure [0.3048,0.3048] u=m",
        "en | It holds 3 gallons. | measure [0.011356235352,0.011356235352] u=m3",
        "en | It holds 2 liters. | measure [0.002,0.002] u=m3",
        "en | Winds of 60 mph hit the coast. | measure [26.8224,26.8224] u=m/s",
        "en | It was 100 °F outside. | measure [37.777777777778,37.777777777778] u=C",
        "en | It was -10C outside. | measure [-10,-10] u=C",
        "en | The farm covers 200 hectares. | measure [2000000,2000000] u=m2",
        "en | An area of 301,338 km2. | measure [301338000000,301338000000] u=m2",
        "en | A 5 ounce bar. | measure [0.141747615625,0.141747615625] u=kg",
        "en | A magnitude 5.6 earthquake struck. | magnitude [5.6,5.6]",
        "en | An M 6.1 quake hit. | magnitude [6.1,6.1]",
        "en | Temperatures ranged from -18 °C to -34 °C. | measure [-34,-18] u=C q=range",
        "en | It took 3 to 4 L of wine. | measure [0.003,0.004] u=m3",
        "en | a 27-kilometer ring | measure [27000,27000] u=m",
    ]);
}

#[test]
fn en_dates_times_and_negatives() {
    common::run_cases(&[
        "en | The meeting was held on 13 January 2022. | date d=2022-01-13",
        "en | The meeting was held on 13 January 2022. | !count",
        "en | The meeting was held on January 13, 2022. | date d=2022-01-13",
        "en | It opened at 09:00 GMT. | time d=09:00 tz=GMT",
        "en | It opened at 2pm. | time d=14:00",
        "en | It opened at 2pm. | !count",
        "en | Russia annexed Crimea in 2014. | date d=2014",
        "en | Russia annexed Crimea in 2014. | !count",
        "en | Flight GA 716 was delayed. | !count",
        "en | Flight MH370 vanished. | !count",
        "en | Call 081234567890 now. | !count",
        "en | He finished 3rd in the race. | !count",
        "en | He finished 21st in the race. | !count",
        "en | Chelsea won 2-1 against Arsenal. | !count",
        "en | Story Code : 973357 | none",
        "en | Japan is one of the best teams in Asia. | none",
        "en | See https://example.com/2020/12/31/story-123 for more. | none",
        "en | Article No. 5 of the treaty applies. | !count",
        "en | They met on Monday. | date",
        "en | They met yesterday. | date",
        "en | Section 230 was debated. | !count",
        "en | Room 101 is empty. | !count",
        "en | The 21st-century telescopes are big. | !count",
        "en | I second that. | none",
        "en | for months | none",
        "en | minutes | none",
        "en | It happened in the 1990s. | !count",
        "en | Profit fell in the second quarter. | none",
        "en | Half of the voters stayed home. | none",
        "en | The index rose 10.75 yesterday. | number [10.75,10.75]",
        "en | The euro traded at 1.2891 against the dollar. | number [1.2891,1.2891]",
        "en | The board met on Friday and again on Monday. | !count",
    ]);
}

#[test]
fn en_news_conventions() {
    common::run_cases(&[
        "en | At least 12 people died when the ferry sank. | count [12,inf) c=deaths",
        "en | 14 people died and 38 others were missing. | count [14,14] c=deaths",
        "en | The toll rose to 19 dead and 19 injured. | count [19,19] c=deaths",
        "en | The toll rose to 19 dead and 19 injured. | count [19,19] c=injured",
        "en | At least 19 people were killed in the sinking. | count [19,inf) c=deaths",
        "en | The quake struck, killing two people and injuring 27. | count [2,2] c=deaths",
        "en | Dozens were still missing on Sunday. | count [24,99] c=missing ~",
        "en | A 6.2-magnitude earthquake struck. | magnitude [6.2,6.2]",
        "en | A magnitude-6.1 quake hit the coast. | magnitude [6.1,6.1]",
        "en | The bank raised rates by 50 basis points. | percent [0.5,0.5] u=pp",
        "en | It delivered a 50-bp hike on Thursday. | percent [0.5,0.5] u=pp",
        "en | It lifted the rate by half a percentage point. | percent [0.5,0.5] u=pp",
        "en | Markets expected another 75 basis points. | percent [0.75,0.75] u=pp",
        "en | It had lifted the rate with a 75-basis-point increase. | percent [0.75,0.75] u=pp",
        "en | A 25-percentage-point swing. | percent [25,25] u=pp",
        "en | The Fed raised rates by half a point on Wednesday. | percent [0.5,0.5] u=pp",
        "en | The bank matched the Fed's rate rise with a half-point increase. | percent [0.5,0.5] u=pp",
        "en | He scored 20 points in the final. | count [20,20] n=point",
        "en | A woman in her 80s died when her house collapsed. | count [80,89] c=age",
        "en | Two men in their late 20s were killed. | count [26,29] c=age",
        "en | The victim, aged 45, was taken to hospital. | count [45,45] c=age",
        "en | The fire burned roughly 12,000 acres. | measure [48562277.0592,48562277.0592] u=m2 ~",
        "en | The quake struck at a depth of 6 miles. | measure [9656.064,9656.064] u=m",
        "en | The epicentre was at 8.3 degrees south latitude. | measure [8.3,8.3] u=deg_S",
        "en | The deal is worth $1.2bn. | money [1200000000,1200000000] u=USD",
        "en | The deal is worth 1.2 billion dollars. | money [1200000000,1200000000] u=USD",
        "en | It paid US$3.4 million. | money [3400000,3400000] u=USD",
        "en | The 32,000-seat stadium was sold. | count [32000,32000] c=seats",
    ]);
}

/// Roles of people in events: the predicate decides the concept of a count
/// of people and keeps the noun; implicit counts of one; numbers that are
/// never counts of people.
#[test]
fn en_roles() {
    common::run_cases(&[
        "en | Two children died in the fire. | count [2,2] c=deaths n=children",
        "en | Three men were shot and killed. | count [3,3] c=deaths n=men",
        "en | Five people were shot, two fatally. | count [2,2] c=deaths",
        "en | The gunman opened fire, killing two and wounding three. | count [2,2] c=deaths",
        "en | The gunman opened fire, killing two and wounding three. | count [3,3] c=injured",
        "en | The attack left three dead. | count [3,3] c=deaths",
        "en | One fatally, two were wounded. | count [1,1] c=deaths",
        "en | A man was shot and killed Friday. | count [1,1] c=deaths n=man",
        "en | A 27-year-old man is dead. | count [1,1] c=deaths n=man",
        "en | A 27-year-old man is dead. | count [27,27] c=age",
        "en | The gunman opened fire, killing a 17-year-old. | count [1,1] c=deaths",
        "en | The victim died Sunday. | count [1,1] c=deaths n=victim",
        "en | A girl was shot in the leg. | count [1,1] c=injured n=girl",
        "en | A woman was arrested Monday. | count [1,1] c=arrested n=woman",
        "en | Four hikers are missing. | count [4,4] c=missing n=hiker",
        "en | Two of the victims were dead at the scene. | count [2,2] c=deaths",
        "en | Five children and three adults were found dead. | count [8,8] c=deaths",
        "en | The gunman killed three adults and two children. | count [5,5] c=deaths",
        "en | Two people were killed and seven more were wounded. | count [7,7] c=injured",
        // one predicate for a group of people: the sum of its parts
        "en | A man and a 2-year-old boy were fatally shot. | count [2,2] c=deaths",
        "en | Two women and a baby are dead. | count [3,3] c=deaths",
        "en | The gunman opened fire, killing a man and his wife. | count [2,2] c=deaths",
        // the doer as one more of the group: four deaths
        "en | The gunman killed three people and then himself. | count [4,4] c=deaths",
        "en | He killed two people and himself inside the lobby. | count [3,3] c=deaths",
        "en | He had killed their three children and himself. | count [4,4] c=deaths",
        // a condition after gunfire, a wound: injured
        "en | The shooting left one dead and two others in critical condition. | count [2,2] c=injured",
        "en | Officers found six victims with gunshot wounds. | count [6,6] c=injured",
        // one person after a possessive; a list of people summed; one
        // member of a list that cannot be summed is no count of one
        "en | Her father was injured in the shooting. | count [1,1] c=injured n=father",
        "en | He shot and killed his wife, son and daughter. | count [3,3] c=deaths",
        "en | He expressed remorse for killing his father and brother. | count [2,2] c=deaths",
        "en | A man shot and killed his wife and children. | !count",
        // the doer is no victim; his victim is one
        "en | A man killed his wife. | count [1,1] c=deaths n=wife",
        "en | Two men were killed and a woman was wounded. | count [1,1] c=injured n=woman",
        // the whole of a partitive whose predicate is the part's is no toll
        "en | Police said four of the five victims were shot to death. | count [5,5] c=victims",
        "en | Police said four of the five victims were shot to death. | count [4,4] c=deaths",
        "en | One of the two deputies has died. | count [2,2] c=officers",
        "en | He was one of the three people killed Friday. | count [3,3] c=deaths",
        // a gerund with its object after a count: the count is not its victims
        "en | He is charged with shooting four people and killing one of them. | count [4,4] c=people",
        "en | He is accused of fatally shooting three people and wounding another. | count [3,3] c=deaths",
        "en | A man was killed and a woman was wounded. | count [1,1] c=deaths",
        "en | The gunman killed a man and a woman was arrested. | count [1,1] c=deaths",
        // a tally over a period or over several happenings is no toll
        "en | More than 750 people have been killed so far this year. | count (750,inf) c=people",
        "en | Five people were killed in separate shootings. | count [5,5] c=people",
        "en | Ten people were killed in the city since Friday. | count [10,10] c=people",
        "en | Two men were killed in a separate shooting. | count [2,2] c=deaths",
        "en | Four people were killed in three separate locations. | count [4,4] c=deaths",
        // an adverb of death makes the predicate a death
        "en | The gunman fatally shot two men on Sunday. | count [2,2] c=deaths",
        "en | Officers returned fire, mortally wounding the suspect. | count [1,1] c=deaths",
        // the object of a preposition is not the count a predicate before it is about
        "en | She was shot at Motel 6 on Arden Way. | number [6,6]",
        "en | Two people were killed in 6 Shreveport shootings. | number [6,6]",
        "en | Two people were killed in 6 shootings on Sunday. | count [2,2] c=deaths",
        "en | The gunman killed three of his five victims at the college. | count [3,3] c=deaths",
        "en | Police investigate the killing of two men. | count [2,2] c=deaths",
        // never a death count
        "en | The victims died. | !count",
        "en | He was the first person killed at the college. | !count",
        "en | A man killed a dog. | !count",
        "en | No one was killed in the blast. | !count",
        "en | Two rival groups clashed. | count [2,2] n=rival",
        "en | He was shot eight times and pronounced dead. | count [8,8] n=times",
        "en | She was killed in the 7800 block of Main Street. | count [1,1] c=deaths n=she",
        "en | Shots were fired in the 7800 block of Main Street. | !count",
        // another count nearer the predicate is what it is about
        "en | A party packed with 400 people ended with one dead. | count [400,400] c=people",
        "en | A party packed with 400 people ended with one dead. | count [1,1] c=deaths",
        // a subject pronoun of one person is one, but not the doer of an active verb
        "en | He was shot and killed on Sunday. | count [1,1] c=deaths n=he",
        "en | Police said she died at the hospital. | count [1,1] c=deaths n=she",
        "en | He and his wife were killed. | count [2,2] c=deaths",
        "en | He was shot in the leg. | count [1,1] c=injured n=he",
        "en | He shot and killed both. | !count",
        "en | He fatally shot Officer Davis. | !c=deaths",
        // an adverb of manner between the person and the predicate
        "en | He accidentally shot himself in the leg. | count [1,1] c=injured n=he",
        "en | A 4-year-old boy was accidentally shot by his brother. | count [1,1] c=injured n=boy",
        "en | Two men were badly hurt. | count [2,2] c=injured",
        // an age after a name and a comma, before a verb; a tally over a period
        "en | Officials said Ginger Reeves, 64 was found dead. | count [64,64] c=age",
        "en | Between January 2010 and August 2013, seven people were killed in crashes. | count [7,7] c=people",
        "en | They have handled five killings in all of 2014. | !c=deaths",
        "en | Five people were killed in weekend shootings across the city. | count [5,5] c=people",
        // the indicted are the doers
        "en | Five men were indicted for killing a girl. | count [5,5] c=men",
        // the present tense of headlines and quotes
        "en | Police say the gunman kills two people. | count [2,2] c=deaths",
        "en | They were killed at 7050 Old State Road. | !count",
        "en | He was found dead in the five-bedroom house. | number [5,5]",
        "en | Image 6 of 11 police at the scene where a man died. | count [1,1] c=deaths n=man",
        "en | At least 9 shots were fired. | count [9,inf) c=shots",
        "en | He died around 11:30 p.m. Sunday. | time [_,_] d=23:30",
        // the doers of a role, a denied role, another clause's predicate
        "en | A security guard fatally shot Earnest Sneed. | !c=deaths",
        "en | The gunman killed Aoki and fled. | !c=deaths",
        "en | The four people killed Christmas Eve were cousins. | count [4,4] c=deaths",
        "en | 3 People Found Shot To Death Inside Car | count [3,3] c=deaths",
        "en | Two men accused of killing a boy were charged. | count [2,2] c=men",
        "en | Police released two people held in the killing of a girl. | !c=deaths",
        "en | One man was killed, while four others were hit, none fatally. | count [4,4] n=other",
        "en | One man was killed, while four others were hit, none fatally. | count [1,1] c=deaths",
        "en | He held two people hostage before being fatally shot. | !c=deaths",
        "en | The rampage left four troops including the gunman dead. | count [4,4] c=deaths",
        // numbers that are not counts of a role
        "en | The Aug. 15 death of a boy was ruled a homicide. | date [_,_] d=--08-15",
        "en | The Aug. 15 death of a boy was ruled a homicide. | !c=deaths",
        "en | He served parole for the 2007 shooting death of a student. | !c=deaths",
        "en | The state rate is 19.3 deaths per 100,000 people. | !c=deaths",
        "en | Police seek the gunman who killed a father of three. | number [3,3]",
        "en | He was taken to Regional One where he died. | number [1,1]",
        "en | He was taken to Regional One where he died. | count [1,1] c=deaths n=he",
        "en | Local News One killed, four injured in a shooting. | count [1,1] c=deaths",
        "en | Darrell Hawkins, 34 who was shot and killed at home. | count [34,34] c=age",
    ]);
}

/// Scores, ranks, ordinals and levels.
#[test]
fn en_scores_ranks_ordinals_levels() {
    common::run_cases(&[
        "en | Japan beat Indonesia 6-0 in the match. | score [6000,6000]",
        "en | She ranked 40th in the index. | rank [40,40]",
        "en | He finished in 6th place. | rank [6,6]",
        "en | It was the third time he was arrested. | ordinal [3,3] n=time",
        "en | It was the 4th time this year. | ordinal [4,4] n=time",
        "en | Doku scored in the 42nd minute. | ordinal [42,42] n=minute",
        "en | Man City: Ederson, Foden (Rodri 60'), Doku (Bobb 90'+3). | ordinal [93,93] n=minute",
        "en | His frame (he is 6' 2\") helped. | !ordinal",
        "en | It was their second match of the group. | ordinal [2,2] n=match",
        "en | The US raised the alert to Level 3. | level [3,3] n=level",
        "en | He was born on the 21st of May. | !count",
        "en | It was the twenty-fifth time he won. | ordinal [25,25] n=time",
    ]);
}

#[test]
fn en_units_by_their_grammar() {
    common::run_cases(&[
        "en | The tank holds 3 hectoliters. | measure [0.3,0.3] u=m3",
        "en | Add 250 mls of milk. | measure [0.00025,0.00025] u=m3",
        "en | The park covers 12 square kilometres. | measure [12000000,12000000] u=m2",
        "en | He is 6 feet 2 inches tall. | measure [1.8796,1.8796] u=m",
        "en | The cable runs 2 km and 300 meters. | measure [2300,2300] u=m",
        "en | The baby weighed 7 pounds 8 ounces. | measure [3.40194277,3.40194277] u=kg",
        "en | It fell to 2 degrees below zero. | measure [-2,-2] u=C",
        "en | Highs of 70 degrees F are expected. | measure [21.111111111111,21.111111111111] u=C",
        "en | Use between 2 g and about 7 g of salt. | measure [0.002,0.007] u=kg q=range",
        "en | Runs of 5 km and 10 km were held. | measure [5000,5000] u=m",
        // a half after any amount on a scale from zero, with or without a number
        "en | The school is a mile and a half away. | measure [2414.016,2414.016] u=m",
        "en | They drank a gallon and a half of water. | measure [0.005678117676,0.005678117676] u=m3",
        "en | It weighs two pounds and a half. | measure [1.133980925,1.133980925] u=kg",
        // feet and inches in primes and quotes, straight or curly
        "en | He is 5'6\" tall. | measure [1.6764,1.6764] u=m",
        "en | He stands 6’2” tall. | measure [1.8796,1.8796] u=m",
        "en | He is 6' tall. | measure [1.8288,1.8288] u=m",
        "en | A black male, 6' 3\" tall. | measure [1.905,1.905] u=m",
        "en | The pipe is 5'' wide. | measure [0.127,0.127] u=m",
        "en | It was 37° celsius. | measure [37,37] u=C",
        // a fraction of one unit
        "en | Add a fourth of a liter of milk. | measure [0.00025,0.00025] u=m3",
        "en | She ran a third of a mile. | measure [536.448,536.448] u=m",
        "en | It took 3 quarters of an hour. | duration [2700,2700]",
        "en | They walked 2 thirds of a mile. | measure [1072.896,1072.896] u=m",
        // US customary volumes, cubic feet, metric tons, kilos
        "en | Add 3 pints of milk. | measure [0.001419529419,0.001419529419] u=m3",
        "en | Pour in a quart of water. | measure [0.000946352946,0.000946352946] u=m3",
        "en | Each shot is 1.5 fl oz. | measure [0.00004436029434375,0.00004436029434375] u=m3",
        "en | The trunk holds 12 cubic feet. | measure [0.339802159104,0.339802159104] u=m3",
        "en | They seized 2.5 metric tons of cocaine. | measure [2500,2500] u=kg",
        "en | He lost 3 kilos. | measure [3,3] u=kg",
        // about two
        "en | He left a couple of days ago. | duration [172800,172800] ~",
        "en | A couple of people were killed. | count [2,2] c=deaths ~",
        "en | A couple was shot and killed. | count [2,2] c=deaths ~",
        "en | A pair of gunmen opened fire. | count [2,2] n=gunman",
        // a rupiah amount is never written to three decimals
        "en | Rice costs Rp 12.000 per kg. | money [12000,12000] u=IDR/kg",
        "en | The budget is Rp 1.5 trillion. | money [1500000000000,1500000000000] u=IDR",
        "en | Eggs cost 5 dollars a dozen. | money [5,5] u=USD",
        // after an amount of money, `a`/`an` is `per`
        "en | Gas was $3.50 a gallon. | money [924.6020532159,924.6020532159] u=USD/m3",
        "en | He earns $20 an hour. | money [0.005555555556,0.005555555556] u=USD/s",
        "en | The fee was 100 Swiss francs. | money [100,100] u=CHF",
        "en | It took a quarter of an hour, then quarter of an hour more. | duration [900,900]",
    ]);
}

/// Headline grammar: articles left out, commas for `and`, the present tense.
#[test]
fn en_headlines() {
    common::run_cases(&[
        "en-headline | Woman, 2 children dead in triple homicide | count [3,3] c=deaths",
        "en-headline | 2 adults, six children dead in shootings | count [8,8] c=deaths",
        "en-headline | Two Adults, One Child Dead in Apparent Murder-Suicide | count [3,3] c=deaths",
        "en-headline | Man, 11-Year-Old Daughter Dead In Apparent Murder-Suicide | count [2,2] c=deaths",
        "en-headline | Police say man killed his wife, 2 sons, then himself | count [4,4] c=deaths",
        "en-headline | Man Kills Wife Then Himself | count [2,2] c=deaths",
        "en-headline | Teen shot dead near school | count [1,1] c=deaths n=teen",
        "en-headline | Police identify man killed in shooting | count [1,1] c=deaths n=man",
        "en-headline | Virginia Beach man killed in airport shooting | count [1,1] c=deaths",
        "en-headline | 1 dead, 3 hurt in barbershop shooting | count [1,1] c=deaths",
        "en-headline | 1 dead, 3 hurt in barbershop shooting | count [3,3] c=injured",
        // the doer of an active verb whose object has no article is no victim
        "en-headline | Neighbor killed man, grandmother, police say | count [2,2] c=deaths",
        "en-headline | Man fatally shoots girlfriend | count [1,1] c=deaths n=girlfriend",
        "en-headline | Man fatally shoots girlfriend | !c=injured",
        // a plural object of people: the noun before the verb is its doer, and no count is given
        "en-headline | PD: Man kills parents and sisters in Phoenix home | !c=deaths",
        "en-headline | Teen kills parents | !c=deaths",
        // a position, not one more
        "en-headline | Third person dies after weekend shooting | !count",
        "en | His uncle was shot and killed. | count [1,1] c=deaths n=uncle",
        "en | Her two grandchildren were killed. | count [2,2] c=deaths",
        // wounds, rounds and shots fired are no count of people
        "en | The man suffered three gunshot wounds before he fell. | !c=injured",
        "en | Audrianna Stone died from 2 gunshot wounds to the upper body. | !c=deaths",
        "en | He fired one shot at his mother. | !c=injured",
        // firing at someone: the noun before is the doer; shot at a place stays a hit
        "en | Then the two males shot at them, striking the woman. | !c=injured",
        "en | Four people were shot at a party. | count [4,4] c=injured",
        "en | He was shot at his home. | count [1,1] c=injured n=he",
        // the same sentence in an article's text keeps the text's grammar
        "en | Woman, 2 children dead in triple homicide. | count [2,2] c=deaths",
    ]);
}

/// A person named again after the text has counted more (`he`, `the woman`, `his son`) is one of
/// those counted, not a count of one; a person not yet counted (`a man`), or counted alone, is.
#[test]
fn en_people_already_counted() {
    let deaths = |text: &str| -> Vec<f64> {
        common::claims(crosscheck::claims::Lang::En, text)
            .iter()
            .filter(|c| c.concept.as_deref() == Some("deaths"))
            .filter_map(|c| c.low)
            .collect()
    };
    assert_eq!(
        deaths("Two people were killed on Main Street. He was pronounced dead at the scene."),
        [2.0]
    );
    assert_eq!(
        deaths("Three people were shot dead. The woman died at the hospital, and his son was killed too."),
        [3.0]
    );
    // not counted yet: an indefinite person is a count of one
    assert_eq!(
        deaths("Two people were killed on Main Street. Later a man was shot and killed nearby."),
        [2.0, 1.0]
    );
    // counted alone: the text's one person, named again
    assert_eq!(
        deaths("A man was shot and killed on Main Street. He was pronounced dead at the scene."),
        [1.0, 1.0]
    );
    // the age of a person already counted stays a claim
    let claims = common::claims(
        crosscheck::claims::Lang::En,
        "Two people were killed. The 15-year-old was pronounced dead at the scene.",
    );
    assert!(claims
        .iter()
        .any(|c| c.concept.as_deref() == Some("age") && c.low == Some(15.0)));
    assert!(!claims
        .iter()
        .any(|c| c.concept.as_deref() == Some("deaths") && c.low == Some(1.0)));
}

/// The headline is read before the text: a person the text names after a headline's count is one
/// of those counted; the headline's own claims come after the text's.
#[test]
fn en_headline_counts_before_the_text() {
    let opts = crosscheck::claims::ExtractOptions {
        lang: Some(crosscheck::claims::Lang::En),
        published: None,
        lexicon: common::lexicon(),
    };
    let text = "He was pronounced dead at the scene, police said.";
    let with = crosscheck::claims::extract_article("a", text, Some("3 killed in shooting"), &opts);
    let deaths: Vec<(bool, f64)> = with
        .iter()
        .filter(|c| c.concept.as_deref() == Some("deaths"))
        .map(|c| (c.headline, c.low.unwrap_or(f64::NAN)))
        .collect();
    assert_eq!(deaths, [(true, 3.0)]);
    let without = crosscheck::claims::extract_article("a", text, Some("Police report"), &opts);
    assert!(without
        .iter()
        .any(|c| !c.headline && c.concept.as_deref() == Some("deaths") && c.low == Some(1.0)));
}

/// A lone prime in a line-up is a match minute, never feet.
#[test]
fn en_minute_primes_are_no_lengths() {
    let claims = common::claims(
        crosscheck::claims::Lang::En,
        "Manchester City: Foden (Rodri 60'), Cherki (Haaland 60'), Kolo Muani (11', 45'+4).",
    );
    assert!(
        !claims
            .iter()
            .any(|c| c.kind == crosscheck::claims::Kind::Measure),
        "{claims:?}"
    );
}
