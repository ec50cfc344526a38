import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { loadAllMessages } from '@/i18n';

await loadAllMessages();

afterEach(() => {
  cleanup();
  localStorage.clear();
});
