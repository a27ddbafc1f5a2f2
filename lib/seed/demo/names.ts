// Name lists for the demo network, grouped by naming tradition so most people get a coherent given name
// and surname (and some a mixed one, as in any international workforce). Many regions are represented,
// which also exercises Unicode handling (accents, apostrophes, particles) in identity resolution.
// Combinations are drawn at random; any resemblance to a real person is chance.
import type { Rng } from "./prng";

interface NameGroup {
  /** Relative share of a US-based tech workforce, roughly. */
  weight: number;
  first: readonly string[];
  last: readonly string[];
}

export const NAME_GROUPS: readonly NameGroup[] = [
  { weight: 30, // English-speaking
    first: ["James", "Emily", "Michael", "Sarah", "David", "Jessica", "Daniel", "Hannah", "Matthew", "Olivia", "Christopher", "Rachel",
      "Andrew", "Lauren", "Ryan", "Megan", "Benjamin", "Katherine", "Nathan", "Abigail", "Tyler", "Madison", "Samuel", "Grace", "Jacob",
      "Chloe", "Ethan", "Natalie", "Owen", "Claire", "William", "Elizabeth", "Robert", "Jennifer", "Thomas", "Rebecca", "Alexander",
      "Victoria", "Jordan", "Taylor", "Niamh", "Declan", "Siobhan", "Cian"],
    last: ["Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Anderson", "Thompson", "Moore", "Taylor", "Clark",
      "Walker", "Hall", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Mitchell", "Campbell",
      "Roberts", "Carter", "Phillips", "Evans", "Turner", "O'Brien", "Murphy", "Kelly", "O'Connor", "Brennan", "Sullivan"] },
  { weight: 12, // Hispanic and Latin American
    first: ["Alejandro", "Sofía", "Carlos", "Valentina", "Diego", "Camila", "Javier", "Lucía", "Mateo", "Isabela", "José", "María",
      "Andrés", "Gabriela", "Luis", "Daniela", "Rafael", "Mariana", "Santiago", "Paula", "Miguel", "Ximena"],
    last: ["García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores",
      "Rivera", "Gómez", "Díaz", "Reyes", "Morales", "Ortiz", "Castillo", "Vargas", "Romero", "Navarro", "Mendoza"] },
  { weight: 14, // South Asian
    first: ["Arjun", "Priya", "Rohan", "Ananya", "Vikram", "Kavya", "Aditya", "Neha", "Rahul", "Divya", "Sanjay", "Meera", "Karthik",
      "Aisha", "Imran", "Farah", "Nikhil", "Shreya", "Ravi", "Pooja"],
    last: ["Patel", "Sharma", "Singh", "Kumar", "Gupta", "Iyer", "Reddy", "Nair", "Menon", "Rao", "Chatterjee", "Banerjee", "Desai",
      "Joshi", "Kapoor", "Malhotra", "Khan", "Hussain", "Ahmed", "Qureshi"] },
  { weight: 9, // Chinese
    first: ["Wei", "Mei", "Jun", "Xiaoling", "Hao", "Yan", "Lei", "Jing", "Yifan", "Zhiwei", "Xin", "Ling"],
    last: ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Lin"] },
  { weight: 3, // Korean
    first: ["Min-jun", "Ji-woo", "Seo-yeon", "Hyun", "Yuna", "Jae-won", "Soo-ah"],
    last: ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho"] },
  { weight: 3, // Japanese
    first: ["Hiroshi", "Yuki", "Kenta", "Aiko", "Takumi", "Sakura", "Haruto", "Mei"],
    last: ["Tanaka", "Suzuki", "Takahashi", "Watanabe", "Sato", "Nakamura", "Kobayashi", "Yamamoto"] },
  { weight: 4, // Southeast Asian
    first: ["Minh", "Linh", "Thanh", "Nguyet", "Arief", "Siti", "Rizal", "Maricel", "Paolo", "Bao"],
    last: ["Nguyen", "Tran", "Pham", "Le", "Santos", "Reyes-Cruz", "Wijaya", "Halim", "Bautista", "Villanueva"] },
  { weight: 6, // African
    first: ["Chinedu", "Amara", "Kwame", "Ama", "Oluwaseun", "Ngozi", "Tendai", "Zanele", "Kofi", "Abena", "Tunde", "Adaeze", "Jabari",
      "Nia", "Sipho", "Thandiwe", "Emeka", "Folake", "Yaw", "Wanjiru"],
    last: ["Okafor", "Adeyemi", "Okonkwo", "Mensah", "Boateng", "Asante", "Mwangi", "Kamau", "Ndlovu", "Dlamini", "Abubakar", "Eze",
      "Nwosu", "Ochieng", "Moyo", "Banda"] },
  { weight: 6, // Middle Eastern, North African, Turkish
    first: ["Omar", "Layla", "Youssef", "Nour", "Karim", "Yasmin", "Tariq", "Leila", "Hassan", "Rania", "Ali", "Zainab", "Amir", "Dalia",
      "Samir", "Hana", "Mehmet", "Elif", "Emre", "Zeynep"],
    last: ["Haddad", "Nasser", "Khalil", "Mansour", "Farouk", "Saleh", "Yilmaz", "Kaya", "Demir", "Şahin", "Aziz", "Hamdan"] },
  { weight: 13, // European
    first: ["Lukas", "Anna", "Jonas", "Lena", "Matteo", "Giulia", "Luca", "Chiara", "Pierre", "Camille", "Louis", "Inès", "Sven",
      "Ingrid", "Lars", "Astrid", "Mikael", "Freja", "Jan", "Katarzyna", "Piotr", "Agnieszka", "Dmitri", "Olga", "Ivan", "Natalia",
      "Joost", "Femke", "Pieter", "Sanne", "João", "Beatriz", "Nikos", "Eleni", "Søren"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
      "Dubois", "Moreau", "Laurent", "Lefèvre", "Johansson", "Andersson", "Nilsson", "Larsen", "Hansen", "Jensen", "Kowalski", "Nowak",
      "Wiśniewski", "Ivanov", "Petrov", "Novak", "de Vries", "van Dijk", "Bakker", "Jansen", "Silva", "Oliveira", "Costa",
      "Papadopoulos", "Georgiou", "Cohen", "Levi", "Friedman"] },
];

/** Share of people whose given name and surname come from different traditions. */
const MIXED_SHARE = 0.2;
const GROUP_WEIGHTS = NAME_GROUPS.map((group) => group.weight);

export function drawName(rng: Rng): { first: string; last: string } {
  const group = NAME_GROUPS[rng.weightedIndex(GROUP_WEIGHTS)];
  const surnameGroup = rng.chance(MIXED_SHARE) ? NAME_GROUPS[rng.weightedIndex(GROUP_WEIGHTS)] : group;
  if (!group || !surnameGroup) throw new Error("no name groups");
  return { first: rng.pick(group.first), last: rng.pick(surnameGroup.last) };
}

/** Common short forms, used as a second name variation ("Katherine Lee" / "Kate Lee"). */
export const NICKNAMES: Readonly<Record<string, string>> = {
  James: "Jim", Michael: "Mike", David: "Dave", Daniel: "Dan", Matthew: "Matt", Christopher: "Chris",
  Andrew: "Andy", Benjamin: "Ben", Katherine: "Kate", Samuel: "Sam", Alexander: "Alex", Elizabeth: "Liz",
  Robert: "Rob", Jennifer: "Jen", Thomas: "Tom", Rebecca: "Becca", Victoria: "Vicky", William: "Will",
  Nathan: "Nate", Alejandro: "Alex", Javier: "Javi", Santiago: "Santi", Gabriela: "Gabi", Oluwaseun: "Seun",
  Katarzyna: "Kasia", Dmitri: "Dima", Abigail: "Abby", Jacob: "Jake",
};

// Letters NFD does not decompose into ASCII plus accents.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = { ø: "o", æ: "ae", ß: "ss", ł: "l", đ: "d", ı: "i", œ: "oe" };

/** "Sofía" → "sofia", "O'Brien" → "obrien", "de Vries" → "devries", "Søren" → "soren": an email-safe ASCII slug. */
export function asciiSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[øæßłđıœ]/g, (letter) => SPECIAL_LETTERS[letter] ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
}
