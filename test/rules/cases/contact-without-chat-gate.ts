import { EXEMPLARY, emailHome, NOTHING, phoneHome, type RuleCase } from './shared.js';

/** The cases of rule contact-without-chat-gate: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'contact-without-chat-gate', name: 'details on the page', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-without-chat-gate',
    name: 'phone only after opening the chat',
    shop: {
      sightings: [
        { kind: 'phone', afterInteraction: 'click: chat launcher', region: 'chat-widget' },
        emailHome,
      ],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-without-chat-gate',
    name: 'e-mail only inside the chat widget',
    shop: { sightings: [phoneHome, { kind: 'email', region: 'chat-widget' }] },
    expect: 'fail',
  },
  {
    rule: 'contact-without-chat-gate',
    name: 'phone only after a click on a chat launcher outside the chat region',
    shop: {
      sightings: [{ kind: 'phone', afterInteraction: 'clicked "Chat met ons"', region: 'dialog' }, emailHome],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-without-chat-gate',
    name: 'phone behind a "show number" button, no chat anywhere',
    shop: {
      sightings: [{ kind: 'phone', afterInteraction: 'clicked "Toon telefoonnummer"' }, emailHome],
    },
    expect: 'pass',
  },
  {
    rule: 'contact-without-chat-gate',
    name: 'e-mail behind an "E-Mail anzeigen" button (a word with "bot" inside is no bot)',
    shop: {
      sightings: [phoneHome, { kind: 'email', afterInteraction: 'clicked "Robotics: E-Mail anzeigen"' }],
    },
    expect: 'pass',
  },
  { rule: 'contact-without-chat-gate', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
];
