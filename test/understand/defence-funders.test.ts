// A foreign government's defence body named by its country where money is spoken of is a funder from that country
// (content/understand/funders.yaml `defenceBodies`, G:635-637); the own government's defence, a partner's country named
// elsewhere, a body the research is about and a body that pays nothing are not.
import { describe, expect, it } from 'vitest';
import { createUnderstander } from '../../src/understand/index.js';

const u = createUnderstander();

describe('a foreign defence body that pays', () => {
  it.each([
    ['The Qatari armed forces would pay for two PhD positions in my antenna group. Is that OK?', 'QA'],
    ['Een onderzoekscentrum van het Pakistaanse leger wil ons werk rond lidar financieren.', 'PK'],
    ['Chinese PLA-affiliated lab funds part of our battery research, problem?', 'CN'],
    ['A Turkish defence agency wants to sponsor our PhD on composite armour.', 'TR'],
    ['The Ministry of Defence of India offered a grant for our radar work.', 'IN'],
    ['het ministerie van Defensie van Saoedi-Arabië betaalt een deel van het project', 'SA'],
    ['We got an ONR grant for underwater acoustics.', 'US'],
  ])('"%s" → a defence funder from %s', (text, code) => {
    expect(u.extract(text).defenceFunderCountries).toEqual([code]);
  });

  it.each([
    // The own government's defence: the Royal Military Academy or DEFRA, asked (G:620-627).
    ['Belgian Defence funds our project with a partner university in India.'],
    ['Het Belgische leger financiert ons drone-onderzoek samen met een Turkse universiteit.'],
    // A partner country named beside a defence funder without a country.
    ['Het ministerie van Defensie financiert ons project met een Turkse universiteit.'],
    // The subject of the research, not its funder.
    ['I have a BOF grant to write a history of the Indian army. Anything to watch?'],
    ['Ik schrijf met FWO-geld de geschiedenis van het Russische leger in de 19de eeuw.'],
    // No money spoken of, or only denied.
    ['The Indian army wants to test our sensor in the field.'],
    ['An officer of the Egyptian army asked for our paper; there is no funding involved.'],
  ])('"%s" names no foreign defence funder', (text) => {
    expect(u.extract(text).defenceFunderCountries).toBeUndefined();
  });
});
