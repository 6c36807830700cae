import memoizeOne from 'memoize-one';

export interface Profile {
  id: string;
  name: string;
  avatar: string;
}

const API = import.meta.env?.VITE_API_URL ?? '/api';

async function loadProfile(id: string): Promise<Profile> {
  const res = await fetch(`${API}/profiles/${id}`, { credentials: 'include' });
  if (!res.ok) throw new Error(`profile ${id}: ${res.status}`);
  return res.json();
}

// Static JSON documents (country lists, help texts) are requested once per page load.
const documents: Record<string, Promise<unknown>> = {};

export function getDocument<T>(url: string): Promise<T> {
  if (!documents[url]) {
    documents[url] = fetch(url).then((res) => res.json()); // expect: no-unsafe-async-memoize
  }
  return documents[url] as Promise<T>;
}

// Profiles are shared between components; a failed load is forgotten so the next render retries.
const profiles = new Map<string, Promise<Profile>>();

export function getProfile(id: string): Promise<Profile> {
  if (!profiles.has(id)) {
    profiles.set(
      id,
      loadProfile(id).catch((err) => {
        profiles.delete(id);
        throw err;
      }),
    );
  }
  return profiles.get(id)!;
}

export const getCurrentUser = memoizeOne(async (): Promise<Profile> => { // expect: no-unsafe-async-memoize
  const res = await fetch(`${API}/me`, { credentials: 'include' });
  if (res.status === 401) throw new Error('not signed in');
  return res.json();
});
