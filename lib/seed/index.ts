export async function seedDatabase(_url: string): Promise<string> {
  return "placeholder";
}
