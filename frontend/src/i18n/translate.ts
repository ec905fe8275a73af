import { fr, type MessageKey } from './fr';
import { en } from './en';

export type Language = 'fr' | 'en';
export const LANGUAGES: Language[] = ['fr', 'en'];

const dictionaries: Record<Language, Partial<Record<MessageKey, string>>> = { fr, en };

/** The message in the asked language, French when that language lacks it, with `{name}` placeholders filled. */
export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = dictionaries[language][key] ?? fr[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function isLanguage(value: string | null): value is Language {
  return value === 'fr' || value === 'en';
}
