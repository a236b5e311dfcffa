// What a meeting request's page is told after one of its forms is sent: the
// change made and who was told of it, or the error, the field it is about and
// what was typed.
export type Told = {
  when?: string;
  emailedVictim: boolean;
  emailedIsva: boolean;
  prompt: "phone" | "isva" | null;
  phone?: string;
  times?: string[];
};
export type Posted = {
  intent?: string;
  error?: string;
  field?: string;
  typed?: Record<string, string>;
  done?: string;
  told?: Told;
};
