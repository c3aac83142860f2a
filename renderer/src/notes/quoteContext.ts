import { createContext, useContext, useSyncExternalStore } from 'react';
import { QuoteLookup, type QuoteSource } from './quoteLookup';

/** The open note's quote lookup, for the quote nodes it renders (decorators see React context). */
export const QuoteLookupContext = createContext<QuoteLookup | null>(null);

export function useQuoteSource(passageId: string): QuoteSource | undefined {
  const lookup = useContext(QuoteLookupContext);
  useSyncExternalStore(lookup?.subscribe ?? noSubscribe, lookup?.getVersion ?? zero);
  return lookup?.get(passageId);
}

const noSubscribe = () => () => {};
const zero = () => 0;
