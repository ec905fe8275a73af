import { fr, type MessageKey } from './fr';
import { en } from './en';

export type Language = 'fr' | 'en';
export const LANGUAGES: Language[] = ['fr', 'en'];

const dictionaries: Record<Language, Dictionary> = { fr, en };

export type Dictionary = Partial<Record<MessageKey, string>>;

/** The message from `dictionary`, French when it lacks the key, with `{name}` placeholders filled. */
export function translateWith(dictionary: Dictionary, key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = dictionary[key] ?? fr[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function isLanguage(value: string | null): value is Language {
  return value === 'fr' || value === 'en';
}

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return translateWith(dictionaries[language], key, values);
}
